package org.renkei.filing;

/**
 * Why an application was refused. Participation is open (FAC-06): a facility's application to join may be
 * refused only for a reason of eligibility, never for {@link #OTHER}; every refusal records its details.
 */
public enum RefusalReason {
    /** The facility is not in the network's region. */
    OUTSIDE_REGION(true),
    /** The facility or person is not of a kind the network serves. */
    NOT_ELIGIBLE(true),
    /** The form is incomplete or wrong and was not corrected. */
    INCOMPLETE(true),
    /** The facility's use was cancelled earlier for a prohibited act (K 1.12). */
    PRIOR_CANCELLATION(true),
    /** Anything else (not allowed for a facility's application to join). */
    OTHER(false);

    private final boolean eligibilityReason;

    RefusalReason(boolean eligibilityReason) {
        this.eligibilityReason = eligibilityReason;
    }

    /** Whether this reason may refuse a facility's application to join (FAC-06). */
    public boolean mayRefuseJoining() {
        return eligibilityReason;
    }
}
