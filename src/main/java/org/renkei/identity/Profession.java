package org.renkei.identity;

/**
 * A user's profession (USR-01). It decides which card the user logs in with (USR-02: doctors the HPKI doctor
 * card, pharmacists the HPKI pharmacist card, everyone else the network's user card), and so what the session
 * may do.
 */
public enum Profession {
    /** 医師 */
    DOCTOR,
    /** 歯科医師 */
    DENTIST,
    /** 薬剤師 */
    PHARMACIST,
    /** 看護師 */
    NURSE,
    /** 介護支援専門員 (care manager) */
    CARE_MANAGER,
    /** 事務職員 */
    CLERK,
    /** その他の医療・介護職 */
    OTHER_CARE_STAFF;

    /** Whether this profession logs in with an HPKI card (医師資格証, 薬剤師資格証) rather than the network's card. */
    public boolean usesHpkiCard() {
        return this == DOCTOR || this == PHARMACIST;
    }
}
