package org.renkei.consent;

/** The paper forms of the network (K 4.4–4.9, 7.2). */
public enum FormKind {
    /** 参加同意書(新規): joining, with the facilities permitted (PAR-01). */
    NEW,
    /** 追加: facilities added by a participant (CON-04). */
    ADD,
    /** 変更: "do not share" facilities, sharing again, or new patient details (CON-05). */
    CHANGE,
    /** 撤回: leaving the network, optionally asking for deletion (CON-06). */
    WITHDRAWAL,
    /** 参加者カード再発行: a lost card re-issued; the old number stops working (PAR-03). */
    CARD_REISSUE;

    /** Whether the form names an existing participant (all but the new form). */
    public boolean concernsParticipant() {
        return this != NEW;
    }
}
