package org.renkei.record;

import java.time.Instant;
import java.util.UUID;

/**
 * One version of a stored record as the store keeps it.
 *
 * @param content the FHIR resource as JSON, with its id and meta (versionId, lastUpdated)
 * @param effectiveAt the clinical date the record is about (issued, effective, authored, recorded…), for the
 *         timeline and date searches
 * @param original a signed original with a timestamp (DOC-03); otherwise a copy
 * @param attachmentSha256 for a Binary, the content address of its bytes
 */
public record StoredRecord(UUID id, String resourceType, RecordCategory category, UUID participant,
        UUID authorFacility, UUID authorStaff, int version, RecordStatus status, Instant effectiveAt,
        String codeSystem, String code, String display, boolean original, String attachmentSha256,
        String content, Instant storedAt) {

    public boolean enteredInError() {
        return status == RecordStatus.ENTERED_IN_ERROR;
    }
}
