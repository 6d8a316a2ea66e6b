package org.renkei.identity;

/**
 * What the request firewall lets through in header names, header values and parameter names: assigned Unicode
 * characters that are not control characters (a tab, too, in a header value) — exactly Spring Security's
 * defaults ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}), checked by a loop over the characters instead of a
 * regular expression, as the firewall asks for every header a request's handling reads.
 */
final class HeaderCharacters {

    private HeaderCharacters() {
    }

    /** Header and parameter names. */
    static boolean name(String text) {
        return allowed(text, false);
    }

    /** Header values: the same, and a tab. */
    static boolean value(String text) {
        return allowed(text, true);
    }

    private static boolean allowed(String text, boolean tab) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c >= 0x20 && c < 0x7f) {
                continue; // printable ASCII, the usual case
            }
            if (tab && c == '\t') {
                continue;
            }
            int type = Character.getType(c);
            if (type == Character.UNASSIGNED || type == Character.CONTROL) {
                return false;
            }
        }
        return true;
    }
}
