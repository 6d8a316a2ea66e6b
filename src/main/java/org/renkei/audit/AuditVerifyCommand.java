package org.renkei.audit;

import java.io.PrintStream;
import org.renkei.platform.time.JapanTime;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The command {@code audit-verify} (see {@link org.renkei.RenkeiApplication}): verifies the chain, prints the
 * report, records the verification in the chain, and ends the process with 0 (whole) or 2 (altered).
 */
@Component
@ConditionalOnProperty("renkei.audit.verify-and-exit")
class AuditVerifyCommand implements ApplicationRunner {

    private final AuditVerification verification;
    private final AuditTrail trail;
    private final ApplicationContext context;

    AuditVerifyCommand(AuditVerification verification, AuditTrail trail, ApplicationContext context) {
        this.verification = verification;
        this.trail = trail;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        AuditVerification.Report report = verification.verify();
        print(report, System.out);
        trail.record(AuditEvent.of(AuditAction.AUDIT_EXPORT).username("audit-verify").resource("AuditChain", null)
                .purpose(AuditPurpose.ADMINISTRATION)
                .outcome(report.intact() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE)
                .detail("verified=" + report.entries() + " findings=" + report.findings().size()).build());
        int code = report.intact() ? 0 : 2;
        System.exit(SpringApplication.exit(context, () -> code));
    }

    static void print(AuditVerification.Report report, PrintStream out) {
        out.printf("Audit chain verified at %s: %d entries up to %d, %d checkpoint(s), sealed up to %d%s%n",
                JapanTime.dateTime(report.at()), report.entries(), report.end(), report.checkpoints(),
                report.sealedUpTo(), report.witnessUsed() ? ", checked against this node's witness" : "");
        if (report.intact()) {
            out.println("WHOLE: no entry was edited, deleted, inserted, moved or cut off.");
            return;
        }
        out.printf("ALTERED: %d finding(s)%n", report.findings().size());
        for (ChainCheck.Finding finding : report.findings()) {
            out.printf("  %-16s entry %d%n", finding.kind(), finding.seq());
        }
    }
}
