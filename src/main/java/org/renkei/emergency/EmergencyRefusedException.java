package org.renkei.emergency;

/**
 * The emergency button may not be used in this session (EMG-03: a password login; a facility that gives no
 * emergency care; no open activation). The refusal has been audited; the message key says why, and may be told.
 */
class EmergencyRefusedException extends RuntimeException {

    private final String messageKey;

    EmergencyRefusedException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    String messageKey() {
        return messageKey;
    }
}
