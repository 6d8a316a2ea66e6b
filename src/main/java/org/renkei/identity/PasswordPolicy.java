package org.renkei.identity;

import java.util.Optional;

/**
 * What a password must be (USR-05): 8 to 64 characters of printable ASCII without spaces, with at least one
 * letter, one digit and one symbol. The upper bound keeps every password within what bcrypt reads (72 bytes).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 64;

    private PasswordPolicy() {
    }

    /** The first rule the password breaks, as a message key; empty when it may be used. */
    public static Optional<String> problem(String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("password.missing");
        }
        if (password.length() < MIN_LENGTH) {
            return Optional.of("password.tooShort");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("password.tooLong");
        }
        boolean letter = false;
        boolean digit = false;
        boolean symbol = false;
        for (char c : password.toCharArray()) {
            if (c < 0x21 || c > 0x7e) {
                return Optional.of("password.characters");
            }
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                letter = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                symbol = true;
            }
        }
        if (!letter || !digit || !symbol) {
            return Optional.of("password.mix");
        }
        return Optional.empty();
    }
}
