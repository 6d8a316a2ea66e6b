package org.renkei.identity;

import org.springframework.security.core.AuthenticationException;

/** An IC-card certificate was refused, for the reason given. */
class CardRefusedException extends AuthenticationException {

    private final CardRefusal refusal;

    CardRefusedException(CardRefusal refusal, String detail) {
        super(refusal.code() + ": " + detail);
        this.refusal = refusal;
    }

    CardRefusal refusal() {
        return refusal;
    }
}
