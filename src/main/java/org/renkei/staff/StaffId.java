package org.renkei.staff;

import java.util.Objects;
import java.util.UUID;

public record StaffId(UUID value) {

    public StaffId {
        Objects.requireNonNull(value);
    }

    public static StaffId of(String text) {
        return new StaffId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
