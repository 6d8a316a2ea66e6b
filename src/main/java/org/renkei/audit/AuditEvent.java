package org.renkei.audit;

import java.util.Objects;
import java.util.UUID;
import org.renkei.identity.Actor;

/**
 * One audited act (AUD-01): who (account, user name, name, auth level, facility, staff record), on which
 * participant and resource, what, how it ended, why, from where (client address, device) and in which request.
 * The time and the place in the chain are given when it is appended ({@link AuditEntry}).
 *
 * <p>Never put patient data into it beyond the participant's id: no names, no clinical content. {@code detail} is
 * for reasons and counts ("reason=FACILITY_NOT_PERMITTED", "results=12").
 */
public record AuditEvent(AuditAction action, AuditOutcome outcome, AuditPurpose purpose, UUID accountId,
        String username, String actorName, String authLevel, UUID facilityId, UUID staffId, UUID participantId,
        String resourceType, String resourceId, String detail, String clientAddress, String device,
        String requestId) {

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(purpose, "purpose");
        username = clip(username, 200);
        actorName = clip(actorName, 200);
        authLevel = clip(authLevel, 30);
        resourceType = clip(resourceType, 60);
        resourceId = clip(resourceId, 200);
        detail = clip(detail, 2000);
        clientAddress = clip(clientAddress, 100);
        device = clip(device, 200);
        requestId = clip(requestId, 100);
    }

    /** An event of this action, to be filled in; outcome SUCCESS and purpose CARE unless said otherwise. */
    public static Builder of(AuditAction action) {
        return new Builder(action);
    }

    /** The same event, with the request's client address and id where it has none. */
    AuditEvent withRequest(String client, String request) {
        if ((clientAddress != null || client == null) && (requestId != null || request == null)) {
            return this;
        }
        return new AuditEvent(action, outcome, purpose, accountId, username, actorName, authLevel, facilityId,
                staffId, participantId, resourceType, resourceId, detail,
                clientAddress != null ? clientAddress : client, device, requestId != null ? requestId : request);
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public static final class Builder {
        private final AuditAction action;
        private AuditOutcome outcome = AuditOutcome.SUCCESS;
        private AuditPurpose purpose = AuditPurpose.CARE;
        private UUID accountId;
        private String username;
        private String actorName;
        private String authLevel;
        private UUID facilityId;
        private UUID staffId;
        private UUID participantId;
        private String resourceType;
        private String resourceId;
        private String detail;
        private String clientAddress;
        private String device;
        private String requestId;

        private Builder(AuditAction action) {
            this.action = Objects.requireNonNull(action);
        }

        /** Who acted: account, user name, display name, auth level, facility and staff record. */
        public Builder by(Actor actor) {
            if (actor != null) {
                accountId = actor.accountId();
                username = actor.username();
                actorName = actor.displayName();
                authLevel = actor.authLevel() == null ? null : actor.authLevel().name();
                facilityId = actor.facilityId();
                staffId = actor.staffId();
                if (actor.isOperator() || actor.kind() == Actor.AccountKind.FACILITY_ADMINISTRATOR) {
                    purpose = purpose == AuditPurpose.CARE ? AuditPurpose.ADMINISTRATION : purpose;
                }
            }
            return this;
        }

        /** Who acted, when only a user name is known (a failed login). */
        public Builder username(String value) {
            this.username = value;
            return this;
        }

        public Builder account(UUID value) {
            this.accountId = value;
            return this;
        }

        public Builder authLevel(String value) {
            this.authLevel = value;
            return this;
        }

        public Builder facility(UUID value) {
            this.facilityId = value;
            return this;
        }

        public Builder staff(UUID value) {
            this.staffId = value;
            return this;
        }

        public Builder participant(UUID value) {
            this.participantId = value;
            return this;
        }

        /** The resource acted on: its kind (a FHIR resource type, or "Facility", "Staff", "ConsentForm", …) and id. */
        public Builder resource(String type, Object id) {
            this.resourceType = type;
            this.resourceId = id == null ? null : id.toString();
            return this;
        }

        public Builder outcome(AuditOutcome value) {
            this.outcome = Objects.requireNonNull(value);
            return this;
        }

        public Builder denied() {
            return outcome(AuditOutcome.DENIED);
        }

        public Builder failed() {
            return outcome(AuditOutcome.FAILURE);
        }

        /** Why; {@code null} keeps the purpose as it is (care, or administration for the operator's staff). */
        public Builder purpose(AuditPurpose value) {
            if (value != null) {
                this.purpose = value;
            }
            return this;
        }

        /** A reason or a count; never patient data. */
        public Builder detail(String value) {
            this.detail = value;
            return this;
        }

        public Builder clientAddress(String value) {
            this.clientAddress = value;
            return this;
        }

        public Builder device(String value) {
            this.device = value;
            return this;
        }

        public Builder requestId(String value) {
            this.requestId = value;
            return this;
        }

        public AuditEvent build() {
            return new AuditEvent(action, outcome, purpose, accountId, username, actorName, authLevel, facilityId,
                    staffId, participantId, resourceType, resourceId, detail, clientAddress, device, requestId);
        }
    }
}
