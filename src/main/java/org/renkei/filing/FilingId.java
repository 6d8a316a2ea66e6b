package org.renkei.filing;

import java.util.UUID;

public record FilingId(UUID value) {

    public FilingId {
        java.util.Objects.requireNonNull(value);
    }

    public static FilingId of(String text) {
        return new FilingId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
