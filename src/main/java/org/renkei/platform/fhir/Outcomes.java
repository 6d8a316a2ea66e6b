package org.renkei.platform.fhir;

import java.util.Locale;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.context.MessageSource;

/** OperationOutcomes of broken rules: the rule's message key as a coding, its text in Japanese. */
public final class Outcomes {

    /** The code system of Renkei's message keys in {@code OperationOutcome.issue.details.coding}. */
    public static final String MESSAGE_SYSTEM = "urn:renkei:message";

    private Outcomes() {
    }

    /** An error outcome (issue type invalid) naming the message key and saying it in Japanese. */
    public static OperationOutcome invalid(MessageSource messages, String key, Object... arguments) {
        String text = messages.getMessage(key, arguments, key, Locale.JAPANESE);
        var outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.INVALID)
                .setDiagnostics(text)
                .setDetails(new CodeableConcept(new Coding(MESSAGE_SYSTEM, key, null)).setText(text));
        return outcome;
    }
}
