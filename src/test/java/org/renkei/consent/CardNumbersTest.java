package org.renkei.consent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CardNumbersTest {

    @Test
    @DisplayName("PAR-03 a new card number has twelve digits and a valid check digit")
    void newNumbersAreValid() {
        for (int i = 0; i < 1000; i++) {
            String number = CardNumbers.next();
            assertThat(number).hasSize(12).matches("[1-9]\\d{11}");
            assertThat(CardNumbers.isValid(number)).isTrue();
        }
    }

    @Test
    @DisplayName("PAR-03 a mistyped digit or two swapped neighbours fail the check digit")
    void typingErrorsAreCaught() {
        String number = CardNumbers.next();
        for (int i = 0; i < 12; i++) {
            char wrong = (char) ('0' + (number.charAt(i) - '0' + 1) % 10);
            assertThat(CardNumbers.isValid(number.substring(0, i) + wrong + number.substring(i + 1))).isFalse();
        }
        for (int i = 0; i < 11; i++) {
            if (number.charAt(i) != number.charAt(i + 1)
                    && !(Math.abs(number.charAt(i) - number.charAt(i + 1)) == 9)) {
                String swapped = number.substring(0, i) + number.charAt(i + 1) + number.charAt(i) + number.substring(i + 2);
                assertThat(CardNumbers.isValid(swapped)).as(swapped).isFalse();
            }
        }
    }

    @Test
    @DisplayName("PAR-03 a number typed with hyphens or spaces is read as its digits and shown in groups of four")
    void typedForms() {
        String number = CardNumbers.next();
        String shown = CardNumbers.display(number);
        assertThat(shown).matches("\\d{4}-\\d{4}-\\d{4}");
        assertThat(CardNumbers.normalize(shown)).isEqualTo(number);
        assertThat(CardNumbers.normalize(shown.replace('-', ' '))).isEqualTo(number);
    }
}
