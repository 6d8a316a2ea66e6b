package org.renkei.consent;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/** Who the patient is, as the form gives it: names in kanji and katakana, birth date, sex, phone, address. */
public record PatientDetails(String familyName, String givenName, String familyNameKana, String givenNameKana,
        LocalDate birthDate, Sex sex, String phone, String postalCode, String address) {

    public static final int AGE_OF_MAJORITY = 18;

    public PatientDetails {
        familyName = strip(familyName);
        givenName = strip(givenName);
        familyNameKana = strip(familyNameKana);
        givenNameKana = strip(givenNameKana);
        phone = strip(phone);
        postalCode = strip(postalCode);
        address = strip(address);
    }

    /** The message key of the first problem, if any. */
    public Optional<String> problem(LocalDate today) {
        if (familyName == null || givenName == null) {
            return Optional.of("consent.patient.name.missing");
        }
        if (familyNameKana == null || givenNameKana == null) {
            return Optional.of("consent.patient.kana.missing");
        }
        if (!isKatakana(familyNameKana) || !isKatakana(givenNameKana)) {
            return Optional.of("consent.patient.kana.invalid");
        }
        if (birthDate == null) {
            return Optional.of("consent.patient.birthDate.missing");
        }
        if (birthDate.isAfter(today) || birthDate.isBefore(today.minusYears(130))) {
            return Optional.of("consent.patient.birthDate.invalid");
        }
        if (sex == null) {
            return Optional.of("consent.patient.sex.missing");
        }
        if (phone == null) {
            return Optional.of("consent.patient.phone.missing");
        }
        if (!phone.matches("[0-9()+\\- ]{6,20}")) {
            return Optional.of("consent.patient.phone.invalid");
        }
        if (postalCode != null && !postalCode.matches("\\d{3}-?\\d{4}")) {
            return Optional.of("consent.patient.postalCode.invalid");
        }
        return Optional.empty();
    }

    /** Whether the patient was a minor on the given day. */
    public boolean minorOn(LocalDate day) {
        return birthDate != null && Period.between(birthDate, day).getYears() < AGE_OF_MAJORITY;
    }

    public String fullName() {
        return familyName + " " + givenName;
    }

    public String fullNameKana() {
        return familyNameKana + " " + givenNameKana;
    }

    static boolean isKatakana(String text) {
        return text.codePoints().allMatch(c -> (c >= 0x30A0 && c <= 0x30FF) || c == 0x3000 || c == ' ');
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
