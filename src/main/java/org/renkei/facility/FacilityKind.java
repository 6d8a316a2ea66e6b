package org.renkei.facility;

/**
 * The kinds of member facility (FAC-01) and the identifier each is quoted by: the 10-digit medical institution
 * code for medical ones (with its point-table digit: 1 medical, 3 dental, 4 pharmacy, 6 home-visit nursing), the
 * 10-digit care provider number (介護保険事業所番号) for care ones, the 6-digit local government code for a
 * municipality.
 */
public enum FacilityKind {
    HOSPITAL(IdentifierKind.MEDICAL_INSTITUTION_CODE, '1'),
    CLINIC(IdentifierKind.MEDICAL_INSTITUTION_CODE, '1'),
    DENTAL_CLINIC(IdentifierKind.MEDICAL_INSTITUTION_CODE, '3'),
    PHARMACY(IdentifierKind.MEDICAL_INSTITUTION_CODE, '4'),
    HOME_NURSING_STATION(IdentifierKind.MEDICAL_INSTITUTION_CODE, '6'),
    CARE_FACILITY(IdentifierKind.CARE_PROVIDER_NUMBER, ' '),
    COMMUNITY_SUPPORT_CENTRE(IdentifierKind.CARE_PROVIDER_NUMBER, ' '),
    MUNICIPALITY(IdentifierKind.LOCAL_GOVERNMENT_CODE, ' ');

    public enum IdentifierKind {
        /** 保険医療機関コード (10 digits, Luhn check digit). */
        MEDICAL_INSTITUTION_CODE,
        /** 介護保険事業所番号 (10 digits). */
        CARE_PROVIDER_NUMBER,
        /** 全国地方公共団体コード (6 digits, modulus-11 check digit). */
        LOCAL_GOVERNMENT_CODE
    }

    private final IdentifierKind identifierKind;
    private final char pointTable;

    FacilityKind(IdentifierKind identifierKind, char pointTable) {
        this.identifierKind = identifierKind;
        this.pointTable = pointTable;
    }

    public IdentifierKind identifierKind() {
        return identifierKind;
    }

    /** The point-table digit (3rd digit) a medical institution code of this kind must have. */
    char pointTable() {
        return pointTable;
    }

    /** Whether this kind provides medical care (and so may later hold emergency and signing roles). */
    public boolean isMedical() {
        return identifierKind == IdentifierKind.MEDICAL_INSTITUTION_CODE;
    }
}
