package org.renkei.staff;

import org.renkei.platform.web.NotFoundException;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Reads a {@link StaffId} from a path; a malformed one is simply not found. */
@Component
class StaffIdConverter implements Converter<String, StaffId> {

    @Override
    public StaffId convert(String source) {
        try {
            return StaffId.of(source);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("staff member");
        }
    }
}
