package org.renkei.emergency;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.renkei.facility.FacilityKind;
import org.renkei.identity.Profession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The settings of emergency access ({@code renkei.emergency.*}): at which kinds of facility the button is offered
 * (comma-separated {@link FacilityKind} names), to which professions (comma-separated {@link Profession} names),
 * how long a pressed button lets the user search, and how long an opened participant stays open.
 */
@Component
class EmergencySettings {

    private final Set<FacilityKind> facilityKinds;
    private final Set<Profession> professions;
    private final Duration searchDuration;
    private final Duration grantDuration;

    EmergencySettings(@Value("${renkei.emergency.facility-kinds:HOSPITAL}") String facilityKinds,
            @Value("${renkei.emergency.professions:DOCTOR,NURSE}") String professions,
            @Value("${renkei.emergency.search-duration:PT1H}") Duration searchDuration,
            @Value("${renkei.emergency.grant-duration:PT24H}") Duration grantDuration) {
        if (searchDuration.isNegative() || searchDuration.isZero() || grantDuration.isNegative()
                || grantDuration.isZero()) {
            throw new IllegalArgumentException("renkei.emergency durations must be positive");
        }
        Set<FacilityKind> kinds = EnumSet.noneOf(FacilityKind.class);
        for (String kind : facilityKinds.split(",")) {
            if (!kind.isBlank()) {
                kinds.add(FacilityKind.valueOf(kind.strip().toUpperCase(Locale.ROOT)));
            }
        }
        this.facilityKinds = Set.copyOf(kinds);
        Set<Profession> allowed = EnumSet.noneOf(Profession.class);
        for (String profession : professions.split(",")) {
            if (!profession.isBlank()) {
                allowed.add(Profession.valueOf(profession.strip().toUpperCase(Locale.ROOT)));
            }
        }
        this.professions = Set.copyOf(allowed);
        this.searchDuration = searchDuration;
        this.grantDuration = grantDuration;
    }

    /** The kinds of facility where emergency care happens, and so the button is offered. */
    Set<FacilityKind> facilityKinds() {
        return facilityKinds;
    }

    /** The professions that give emergency care, and so may press the button (EMG-01: doctors and nurses). */
    Set<Profession> professions() {
        return professions;
    }

    /** How long after the button is pressed the user may search participants. */
    Duration searchDuration() {
        return searchDuration;
    }

    /** How long an opened participant's records stay open to the user. */
    Duration grantDuration() {
        return grantDuration;
    }
}
