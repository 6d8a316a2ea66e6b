package org.renkei.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.renkei.platform.time.JapanTime;

/**
 * What to look for in the audit trail (AUD-02): every part is optional, and the parts given must all match.
 *
 * @param participant the participant acted on
 * @param agent the acting staff record or login account (an exact id)
 * @param staffText part of the acting person's user name or display name
 * @param facility the facility the person acted for
 * @param from from this time (inclusive)
 * @param to up to this time (inclusive)
 * @param actions any of these actions (empty: every action)
 */
public record AuditFilter(UUID participant, UUID agent, String staffText, UUID facility, Instant from, Instant to,
        Set<AuditAction> actions, AuditPurpose purpose, AuditOutcome outcome) {

    /** A participant id that no entry names: what a search for an unknown participant card finds. */
    static final UUID NOBODY = new UUID(0, 0);

    public AuditFilter {
        staffText = staffText == null || staffText.isBlank() ? null : staffText.strip();
        actions = actions == null || actions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(actions));
    }

    /** Everything. */
    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null, Set.of(), null, null);
    }

    /** The same filter, on one facility only. */
    public AuditFilter atFacility(UUID id) {
        return new AuditFilter(participant, agent, staffText, id, from, to, actions, purpose, outcome);
    }

    /** The filter as audit detail ("participant=…, from=…"), without patient data: ids, codes and JST times. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (participant != null) {
            parts.add("participant=" + participant);
        }
        if (agent != null) {
            parts.add("agent=" + agent);
        }
        if (staffText != null) {
            parts.add("staff=" + staffText);
        }
        if (facility != null) {
            parts.add("facility=" + facility);
        }
        if (from != null) {
            parts.add("from=" + JapanTime.dateTime(from));
        }
        if (to != null) {
            parts.add("to=" + JapanTime.dateTime(to));
        }
        if (!actions.isEmpty()) {
            parts.add("action=" + String.join("|", EnumSet.copyOf(actions).stream().map(Enum::name).toList()));
        }
        if (purpose != null) {
            parts.add("purpose=" + purpose);
        }
        if (outcome != null) {
            parts.add("outcome=" + outcome);
        }
        return parts.isEmpty() ? "all" : String.join(", ", parts);
    }
}
