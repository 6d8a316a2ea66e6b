package org.renkei.identity;

import java.time.Instant;
import java.util.UUID;

/** A facility administrator's request for a user's network card, and the operator's decision (USR-07). */
record CardRequest(UUID id, UUID staffId, UUID facilityId, Reason reason, String note, Status status,
        Instant requestedAt, String requestedBy, Instant decidedAt, String decidedBy, String refusalReason,
        UUID certificateId) {

    enum Reason {
        /** The user's first card. */
        NEW(CardRevocationReason.SUPERSEDED),
        /** Re-issue of a lost card: the old one is revoked as compromised. */
        LOST(CardRevocationReason.KEY_COMPROMISE),
        /** Re-issue of a broken card: the old one is superseded. */
        BROKEN(CardRevocationReason.SUPERSEDED);

        private final CardRevocationReason revokesPreviousAs;

        Reason(CardRevocationReason revokesPreviousAs) {
            this.revokesPreviousAs = revokesPreviousAs;
        }

        /** Why the user's previous cards are revoked when the new one is issued. */
        CardRevocationReason revokesPreviousAs() {
            return revokesPreviousAs;
        }
    }

    enum Status {
        REQUESTED, ISSUED, REFUSED
    }

    public boolean isOpen() {
        return status == Status.REQUESTED;
    }
}
