package org.renkei.audit;

import org.renkei.identity.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The operator's page of the chain (AUD-03): its end, its last checkpoint, and a verification run on request
 * (itself audited, with what it found).
 */
@Controller
class AuditChainPages {

    private final AuditVerification verification;
    private final AuditCheckpoints checkpoints;
    private final AuditTrail trail;
    private volatile AuditVerification.Report last;

    AuditChainPages(AuditVerification verification, AuditCheckpoints checkpoints, AuditTrail trail) {
        this.verification = verification;
        this.checkpoints = checkpoints;
        this.trail = trail;
    }

    @GetMapping("/operator/audit/chain")
    String chain(Model model) {
        model.addAttribute("report", last);
        model.addAttribute("head", checkpoints.head());
        model.addAttribute("lastCheckpoint", checkpoints.latest().orElse(null));
        return "audit/chain";
    }

    @PostMapping("/operator/audit/chain/verify")
    String verify(Actor actor) {
        AuditVerification.Report report = verification.verify();
        last = report;
        trail.record(AuditEvent.of(AuditAction.AUDIT_EXPORT).by(actor).resource("AuditChain", null)
                .outcome(report.intact() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE)
                .detail("verified=" + report.entries() + " findings=" + report.findings().size()).build());
        return "redirect:/operator/audit/chain";
    }

    @PostMapping("/operator/audit/chain/seal")
    String seal(Actor actor) {
        checkpoints.seal().ifPresent(sealed -> trail.record(AuditEvent.of(AuditAction.ADMINISTRATION).by(actor)
                .resource("AuditCheckpoint", sealed.seq()).build()));
        return "redirect:/operator/audit/chain";
    }
}
