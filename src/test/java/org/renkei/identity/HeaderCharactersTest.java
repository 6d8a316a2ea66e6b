package org.renkei.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HeaderCharactersTest {

    /** Spring Security's own patterns (StrictHttpFirewall), which the predicates replace. */
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    @DisplayName("INT-01 header names and values pass the firewall exactly as with Spring Security's patterns, for every character")
    void sameAsThePatterns() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            if (c > 0x10000 && c % 7 != 0) {
                continue; // every character of the first plane, a sample of the others
            }
            String text = "X-" + new String(Character.toChars(c)) + "a";
            assertThat(HeaderCharacters.name(text)).as("name U+%04X", c).isEqualTo(NAME.matcher(text).matches());
            assertThat(HeaderCharacters.value(text)).as("value U+%04X", c).isEqualTo(VALUE.matcher(text).matches());
        }
        for (String text : List.of("", "application/fhir+json", "\t", "a\tb", "日本語", "\ud800", "a\ud800b",
                "\udc00\ud800", "x\r\ny", "\u0085")) {
            assertThat(HeaderCharacters.name(text)).as(text).isEqualTo(NAME.matcher(text).matches());
            assertThat(HeaderCharacters.value(text)).as(text).isEqualTo(VALUE.matcher(text).matches());
        }
    }
}
