package org.renkei.staff;

import org.renkei.identity.Profession;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a user add application (利用者追加届) states about the person: name in kanji and in katakana, profession
 * and an optional e-mail address. {@link #problem()} checks it; blank values become {@code null}.
 */
public record NewStaff(String familyName, String givenName, String familyNameKana, String givenNameKana,
        Profession profession, String email) {

    /** Full-width katakana, the long vowel mark, the middle dot and spaces (half- or full-width). */
    private static final Pattern KATAKANA = Pattern.compile("[ァ-ヺー・ 　]+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public NewStaff {
        familyName = strip(familyName);
        givenName = strip(givenName);
        familyNameKana = strip(familyNameKana);
        givenNameKana = strip(givenNameKana);
        email = strip(email);
    }

    /** The first rule these details break, as a message key; empty when they are complete. */
    public Optional<String> problem() {
        if (familyName == null) {
            return Optional.of("staff.familyName.missing");
        }
        if (givenName == null) {
            return Optional.of("staff.givenName.missing");
        }
        if (familyNameKana == null) {
            return Optional.of("staff.familyNameKana.missing");
        }
        if (!isKatakana(familyNameKana)) {
            return Optional.of("staff.familyNameKana.notKatakana");
        }
        if (givenNameKana == null) {
            return Optional.of("staff.givenNameKana.missing");
        }
        if (!isKatakana(givenNameKana)) {
            return Optional.of("staff.givenNameKana.notKatakana");
        }
        if (profession == null) {
            return Optional.of("staff.profession.missing");
        }
        if (email != null && !EMAIL.matcher(email).matches()) {
            return Optional.of("staff.email.invalid");
        }
        return Optional.empty();
    }

    /** Katakana as written on the forms: at least one kana letter, nothing but katakana, ー, ・ and spaces. */
    static boolean isKatakana(String text) {
        return text != null && KATAKANA.matcher(text).matches() && text.chars().anyMatch(c -> c >= 'ァ' && c <= 'ヺ');
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
