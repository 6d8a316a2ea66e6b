package org.renkei.consent;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Participant card numbers (参加者カード番号, PAR-03): twelve digits, the last a Luhn check digit over the first
 * eleven, so that a mistyped digit or two swapped neighbours are caught at the counter. Random, not sequential:
 * a number says nothing about when or where the participant joined.
 */
public final class CardNumbers {

    public static final int LENGTH = 12;

    private static final RandomGenerator RANDOM = new SecureRandom();

    private CardNumbers() {
    }

    /** A fresh random number with its check digit (the caller makes sure it is not in use). */
    static String next() {
        var digits = new StringBuilder(LENGTH);
        digits.append(1 + RANDOM.nextInt(9));
        for (int i = 1; i < LENGTH - 1; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.append(checkDigit(digits)).toString();
    }

    /** Accepts spaces and hyphens as typed from a card ("1234-5678-9012"); empty if not twelve digits. */
    public static String normalize(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s\\-‐－ー]", "");
    }

    /** Whether the text is twelve digits whose last is the Luhn check digit of the others. */
    public static boolean isValid(String number) {
        if (number == null || !number.matches("\\d{" + LENGTH + "}")) {
            return false;
        }
        return checkDigit(number.substring(0, LENGTH - 1)) == number.charAt(LENGTH - 1) - '0';
    }

    /** Shown on cards and pages in groups of four. */
    public static String display(String number) {
        return number == null || number.length() != LENGTH ? number
                : number.substring(0, 4) + "-" + number.substring(4, 8) + "-" + number.substring(8);
    }

    static int checkDigit(CharSequence payload) {
        int sum = 0;
        boolean doubled = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }
}
