package org.renkei.audit;

import org.renkei.identity.AdministrativeAct;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Administrative acts on accounts and cards into the audit trail, once they have committed (AUD-01). */
@Component
class AdministrationAuditing {

    private final AuditTrail trail;

    AdministrationAuditing(AuditTrail trail) {
        this.trail = trail;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AdministrativeAct act) {
        trail.record(AuditEvent.of(AuditAction.ADMINISTRATION).by(act.actor()).purpose(AuditPurpose.ADMINISTRATION)
                .resource(act.resourceType(), act.resourceId()).detail(act.act()).build());
    }
}
