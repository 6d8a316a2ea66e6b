package org.renkei.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.renkei.identity.StaffDirectory.StaffProfile;
import org.renkei.platform.web.NotFoundException;

/** What the card pages show: rows joining requests and certificates with the user's name and facility. */
final class CardViews {

    private CardViews() {
    }

    /** A card certificate on a page. */
    record CardRow(CardCertificate card, boolean network, boolean valid, CardRevocationReason revocationReason,
            String revokedBy) {

        static CardRow of(CardCertificate card, NetworkCardAuthority authority, Instant now) {
            boolean network = authority.isNetworkCard(card);
            return new CardRow(card, network, !card.revoked() && card.notAfter().isAfter(now),
                    card.revoked() ? CardRevocationReason.ofStored(card.revocationReason()) : null,
                    card.revoked() ? authority.revokedBy(card.id()) : null);
        }
    }

    /** A facility's user with their valid network cards. */
    record HolderRow(StaffProfile profile, List<CardCertificate> validCards) {

        /** Whether a network card may be requested for this user at all (USR-02: not for HPKI professions). */
        public boolean mayHaveCard() {
            return profile.active() && (profile.profession() == null || !profile.profession().usesHpkiCard());
        }
    }

    /** A request with its user's name, profession and facility. */
    record RequestRow(CardRequest request, String staffName, Profession profession, String facilityName) {

        static RequestRow of(CardRequest request, StaffDirectory directory, CardHolders holders) {
            StaffProfile profile = directory.profile(request.staffId()).orElse(null);
            return new RequestRow(request, profile == null ? request.staffId().toString() : profile.displayName(),
                    profile == null ? null : profile.profession(),
                    holders.facilityName(request.facilityId()).orElse(""));
        }
    }

    /** A path segment that must be an id; anything else is simply not found. */
    static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFoundException("id");
        }
    }
}
