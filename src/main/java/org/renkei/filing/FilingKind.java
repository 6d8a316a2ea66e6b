package org.renkei.filing;

/**
 * The kinds of application of the terms of use, with their due rules: facility applications are due 30 days
 * before the wished date and decided within 30 days of receipt (FAC-02…FAC-04); user applications 15 and 15
 * (USR-01).
 */
public enum FilingKind {
    FACILITY_NEW(30, 30),
    FACILITY_CHANGE(30, 30),
    FACILITY_WITHDRAWAL(30, 30),
    STAFF_ADD(15, 15),
    STAFF_WITHDRAWAL(15, 15);

    private final int leadDays;
    private final int decisionDays;

    FilingKind(int leadDays, int decisionDays) {
        this.leadDays = leadDays;
        this.decisionDays = decisionDays;
    }

    /** How many days before the wished effective date the application must be received. */
    public int leadDays() {
        return leadDays;
    }

    /** Within how many days of receipt the operator decides. */
    public int decisionDays() {
        return decisionDays;
    }

    public boolean concernsStaff() {
        return this == STAFF_ADD || this == STAFF_WITHDRAWAL;
    }
}
