package org.renkei.audit;

import org.renkei.identity.LoginEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Logins (successful or not) and logouts into the audit trail (AUD-01). */
@Component
class LoginAuditing {

    private final AuditTrail trail;

    LoginAuditing(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(LoginEvent login) {
        AuditAction action = login.outcome() == LoginEvent.Outcome.LOGGED_OUT ? AuditAction.LOGOUT : AuditAction.LOGIN;
        AuditEvent.Builder event = AuditEvent.of(action).by(login.actor()).purpose(AuditPurpose.ADMINISTRATION)
                .detail(detail(login));
        if (login.actor() == null) {
            event.username(login.username());
        }
        if (login.outcome() == LoginEvent.Outcome.FAILED) {
            // a refusal shows nothing: it need not wait, and a flood of refusals cannot hold requests up
            trail.recordLater(event.failed().build());
        } else {
            trail.record(event.build());
        }
    }

    private static String detail(LoginEvent login) {
        StringBuilder detail = new StringBuilder();
        if (login.method() != null) {
            detail.append("method=").append(login.method());
        }
        if (login.reason() != null) {
            detail.append(detail.length() > 0 ? " " : "").append("reason=").append(login.reason());
        }
        return detail.length() == 0 ? null : detail.toString();
    }
}
