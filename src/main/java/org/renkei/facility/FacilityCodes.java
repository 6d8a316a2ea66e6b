package org.renkei.facility;

import java.util.Optional;

/**
 * Checks a facility's identifier against its kind. Pure; the message key of the first problem found, or empty.
 */
final class FacilityCodes {

    private FacilityCodes() {
    }

    static Optional<String> problem(FacilityKind kind, String code) {
        if (code == null || code.isBlank()) {
            return Optional.of("facility.code.missing");
        }
        return switch (kind.identifierKind()) {
            case MEDICAL_INSTITUTION_CODE -> medicalInstitutionCodeProblem(kind, code);
            case CARE_PROVIDER_NUMBER -> code.matches("\\d{10}") && prefectureOk(code)
                    ? Optional.empty() : Optional.of("facility.code.careProvider.format");
            case LOCAL_GOVERNMENT_CODE -> localGovernmentCodeProblem(code);
        };
    }

    /**
     * 保険医療機関コード: prefecture (01–47), point table, 郡市区番号 (2), 施設番号 (4), check digit — the check
     * digit is the Luhn digit of the first nine digits (weights 2 and 1 from the right, products' digits added).
     */
    private static Optional<String> medicalInstitutionCodeProblem(FacilityKind kind, String code) {
        if (!code.matches("\\d{10}") || !prefectureOk(code)) {
            return Optional.of("facility.code.medical.format");
        }
        if (code.charAt(2) != kind.pointTable()) {
            return Optional.of("facility.code.medical.pointTable");
        }
        if (luhnCheckDigit(code.substring(0, 9)) != code.charAt(9) - '0') {
            return Optional.of("facility.code.medical.checkDigit");
        }
        return Optional.empty();
    }

    static int luhnCheckDigit(String digits) {
        int sum = 0;
        boolean doubleIt = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }

    /** 全国地方公共団体コード: five digits and a check digit, weights 6…2, (11 − sum mod 11) mod 10. */
    private static Optional<String> localGovernmentCodeProblem(String code) {
        if (!code.matches("\\d{6}") || !prefectureOk(code)) {
            return Optional.of("facility.code.localGovernment.format");
        }
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (code.charAt(i) - '0') * (6 - i);
        }
        int check = (11 - sum % 11) % 10;
        return check == code.charAt(5) - '0' ? Optional.empty() : Optional.of("facility.code.localGovernment.checkDigit");
    }

    private static boolean prefectureOk(String code) {
        int prefecture = Integer.parseInt(code.substring(0, 2));
        return prefecture >= 1 && prefecture <= 47;
    }
}
