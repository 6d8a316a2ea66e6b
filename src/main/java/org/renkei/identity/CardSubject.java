package org.renkei.identity;

import java.util.UUID;

/** Who a network card is issued to, as written into its certificate. */
record CardSubject(UUID staffId, String name, String facilityName) {

    static final String STAFF_URN_PREFIX = "urn:renkei:staff:";

    String staffUrn() {
        return STAFF_URN_PREFIX + staffId;
    }
}
