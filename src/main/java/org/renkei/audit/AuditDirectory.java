package org.renkei.audit;

import java.util.Map;
import java.util.UUID;

/**
 * What the audit views need to know about facilities, told by the facility module (which depends on audit, not
 * the other way round): every facility's name by id.
 */
public interface AuditDirectory {

    /** Every facility's name by id. */
    Map<UUID, String> facilityNames();
}
