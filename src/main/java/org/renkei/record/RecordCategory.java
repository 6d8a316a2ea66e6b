package org.renkei.record;

/** The kinds of shared record (DOC-01), each stored as one FHIR resource type. */
public enum RecordCategory {
    /** 診療情報提供書: a FHIR document Bundle (JP_Bundle_eReferral). */
    REFERRAL_LETTER("Bundle"),
    /** 退院時サマリー: a FHIR document Bundle (JP_Bundle_eDischargeSummary). */
    DISCHARGE_SUMMARY("Bundle"),
    /** 検体検査結果. */
    LAB_RESULT("Observation"),
    /** 処方. */
    PRESCRIPTION("MedicationRequest"),
    /** 調剤. */
    DISPENSING("MedicationDispense"),
    /** 傷病名. */
    DIAGNOSIS("Condition"),
    /** アレルギー・不耐性. */
    ALLERGY("AllergyIntolerance"),
    /** 介護・看護の記録: a DocumentReference whose text is inline. */
    CARE_NOTE("DocumentReference"),
    /** An attached file (PDF, image): a DocumentReference pointing at a Binary. */
    ATTACHMENT("DocumentReference"),
    /** The bytes of an attachment. */
    BINARY("Binary");

    private final String resourceType;

    RecordCategory(String resourceType) {
        this.resourceType = resourceType;
    }

    /** The FHIR resource type a record of this kind is. */
    public String resourceType() {
        return resourceType;
    }
}
