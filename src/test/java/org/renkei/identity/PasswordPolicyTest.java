package org.renkei.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    @DisplayName("USR-05 a password has at least 8 characters mixing letters, digits and symbols")
    void acceptsAMix() {
        assertThat(PasswordPolicy.problem("Abcdef1!")).isEmpty();
        assertThat(PasswordPolicy.problem("renkei-2026")).isEmpty();
        assertThat(PasswordPolicy.problem("9#zzzzzz")).isEmpty();
        assertThat(PasswordPolicy.problem("x".repeat(62) + "1!")).isEmpty();
    }

    @Test
    @DisplayName("USR-05 a password too short, too long, or missing a letter, a digit or a symbol is refused")
    void refusesWhatBreaksARule() {
        assertThat(PasswordPolicy.problem(null)).contains("password.missing");
        assertThat(PasswordPolicy.problem("")).contains("password.missing");
        assertThat(PasswordPolicy.problem("Ab1!xyz")).contains("password.tooShort");
        assertThat(PasswordPolicy.problem("x".repeat(63) + "1!")).contains("password.tooLong");
        assertThat(PasswordPolicy.problem("abcdefgh1")).contains("password.mix");
        assertThat(PasswordPolicy.problem("abcdefgh!")).contains("password.mix");
        assertThat(PasswordPolicy.problem("12345678!")).contains("password.mix");
        assertThat(PasswordPolicy.problem("ABCDEFGH")).contains("password.mix");
    }

    @Test
    @DisplayName("USR-05 spaces and characters outside ASCII (full-width, kana) are refused")
    void refusesOtherCharacters() {
        assertThat(PasswordPolicy.problem("abcd 123!")).contains("password.characters");
        assertThat(PasswordPolicy.problem("ａｂｃｄ１２３！")).contains("password.characters");
        assertThat(PasswordPolicy.problem("パスワード12!ab")).contains("password.characters");
        assertThat(PasswordPolicy.problem("abcd\t123!")).contains("password.characters");
    }

    @Test
    @DisplayName("USR-05 initial passwords made by the server always follow the rules")
    void randomPasswordsFollowTheRules() {
        var accounts = new LoginAccounts(null, null, null);
        for (int i = 0; i < 2000; i++) {
            assertThat(PasswordPolicy.problem(accounts.randomPassword())).isEmpty();
        }
    }
}
