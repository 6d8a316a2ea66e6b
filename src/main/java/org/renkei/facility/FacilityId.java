package org.renkei.facility;

import java.util.Objects;
import java.util.UUID;

public record FacilityId(UUID value) {

    public FacilityId {
        Objects.requireNonNull(value);
    }

    public static FacilityId of(String text) {
        return new FacilityId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
