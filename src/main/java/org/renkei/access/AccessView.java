package org.renkei.access;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.renkei.identity.Actor;

/**
 * One node's picture, in memory, of everything an access decision depends on: which facilities and users are
 * active, and each participant's registered consent. It answers a decision with a few hash look-ups and a binary
 * search, without the database; {@link ViewSync} keeps it current with the committed state.
 *
 * <p>Facilities get a dense {@code int} index on first sight, so that a participant's consent is two sorted
 * {@code int[]} (permitted, denied) rather than sets of UUIDs. A facility or user the view has never been told
 * about is not active: every facility and user is registered as applying, and each later change of state is
 * journalled, so one the view does not know has not become active since it was loaded.
 *
 * <p>Emergency access (EMG-01…EMG-04) is kept per staff member: until when their latest activation lets them
 * search, and until when each of their grants lets them look at a participant. Whether one is still open depends
 * on the time of the request, which the caller passes in; an expired entry stays until the next change of that
 * staff member or the next full load, and is simply not open any more.
 *
 * <p>Readers take no lock: the maps are concurrent and every participant entry is immutable, replaced whole. Only
 * one writer (the node's {@link ViewSync}, under its lock) changes a view; it writes the entities first and the
 * version last, so a reader that sees a version sees at least every change up to it.
 */
final class AccessView {

    private static final int[] NONE = new int[0];

    /** A facility of the network: its dense index and whether it is active. */
    static final class FacilitySlot {
        final int index;
        volatile boolean active;

        FacilitySlot(int index) {
            this.index = index;
        }
    }

    /** A participant's registered consent, compactly: facility indexes, sorted. */
    static final class Consent {
        final boolean participating;
        final int[] permitted;
        final int[] denied;

        Consent(boolean participating, int[] permitted, int[] denied) {
            this.participating = participating;
            this.permitted = permitted;
            this.denied = denied;
        }

        boolean permits(int facility) {
            return Arrays.binarySearch(permitted, facility) >= 0;
        }

        boolean denies(int facility) {
            return denied.length > 0 && Arrays.binarySearch(denied, facility) >= 0;
        }
    }

    /** One staff member's open emergency access: ends in epoch milliseconds (exclusive). */
    static final class Emergency {
        final long searchUntil;
        final Map<UUID, Long> grantedUntil;

        Emergency(StaffEmergency emergency) {
            this.searchUntil = emergency.searchUntil() == null ? Long.MIN_VALUE
                    : emergency.searchUntil().toEpochMilli();
            Map<UUID, Long> grants = new HashMap<>();
            emergency.grantedUntil().forEach((participant, until) -> grants.put(participant, until.toEpochMilli()));
            this.grantedUntil = Map.copyOf(grants);
        }

        boolean searching(long now) {
            return now < searchUntil;
        }

        boolean granted(UUID participant, long now) {
            Long until = grantedUntil.get(participant);
            return until != null && now < until;
        }
    }

    private final ConcurrentHashMap<UUID, FacilitySlot> facilities;
    private final ConcurrentHashMap<UUID, Boolean> activeStaff;
    private final ConcurrentHashMap<UUID, Consent> participants;
    private final ConcurrentHashMap<UUID, Emergency> emergencies = new ConcurrentHashMap<>();
    private int nextFacility;
    private volatile long version;

    AccessView(long version) {
        this(version, 4096, 1024);
    }

    /** A view sized for about this many participants and users, at the given journal version. */
    AccessView(long version, int expectedParticipants, int expectedStaff) {
        this.facilities = new ConcurrentHashMap<>(1024);
        this.activeStaff = new ConcurrentHashMap<>(expectedStaff);
        this.participants = new ConcurrentHashMap<>(expectedParticipants);
        this.version = version;
    }

    /** The journal version this view is current with: every change up to it is in the view. */
    long version() {
        return version;
    }

    void advanceTo(long newVersion) {
        if (newVersion > version) {
            version = newVersion;
        }
    }

    // --- the decision

    /** The decision at the given instant (the end of emergency access depends on it). */
    Reason decide(AccessRequest request, Instant now) {
        return AccessPolicy.decide(request, facts(request, now.toEpochMilli()));
    }

    /** The decision now, by the system clock (tests and the benchmark). */
    Reason decide(AccessRequest request) {
        return decide(request, Instant.now());
    }

    AccessPolicy.Facts facts(AccessRequest request, long now) {
        Actor actor = request.actor();
        FacilitySlot facility = actor.facilityId() == null ? null : facilities.get(actor.facilityId());
        boolean userActive = actor.staffId() != null && activeStaff.containsKey(actor.staffId());
        Consent consent = participants.get(request.participant());
        boolean permitted = false;
        boolean denied = false;
        if (consent != null && facility != null) {
            permitted = consent.permits(facility.index);
            denied = consent.denies(facility.index);
        }
        Emergency emergency = actor.staffId() == null || emergencies.isEmpty() ? null
                : emergencies.get(actor.staffId());
        boolean searching = emergency != null && emergency.searching(now);
        boolean granted = emergency != null && emergency.granted(request.participant(), now);
        return new AccessPolicy.Facts(facility != null && facility.active, userActive, consent != null,
                consent != null && consent.participating, permitted, denied, searching, granted);
    }

    // --- changes (one writer at a time)

    void facility(UUID id, boolean active) {
        slot(id).active = active;
    }

    void staff(UUID id, boolean active) {
        if (active) {
            activeStaff.put(id, Boolean.TRUE);
        } else {
            activeStaff.remove(id);
        }
    }

    void participant(ParticipantConsent consent) {
        participants.put(consent.participant(),
                new Consent(consent.participating(), indexes(consent.permitted()), indexes(consent.denied())));
    }

    /** A staff member's emergency access as it now stands (replacing what the view knew). */
    void emergency(StaffEmergency emergency) {
        if (emergency.isEmpty()) {
            emergencies.remove(emergency.staff());
        } else {
            emergencies.put(emergency.staff(), new Emergency(emergency));
        }
    }

    /** The participant is gone from the registered consent (never registered, or removed). */
    void noParticipant(UUID participant) {
        participants.remove(participant);
    }

    private FacilitySlot slot(UUID id) {
        FacilitySlot slot = facilities.get(id);
        if (slot == null) {
            slot = new FacilitySlot(nextFacility++);
            facilities.put(id, slot);
        }
        return slot;
    }

    private int[] indexes(Set<UUID> ids) {
        if (ids.isEmpty()) {
            return NONE;
        }
        int[] result = new int[ids.size()];
        int i = 0;
        for (UUID id : ids) {
            result[i++] = slot(id).index;
        }
        Arrays.sort(result);
        return result;
    }

    // --- for tests and the benchmark

    int participantCount() {
        return participants.size();
    }

    int facilityCount() {
        return facilities.size();
    }
}
