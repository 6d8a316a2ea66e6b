package org.renkei.facility;

import org.renkei.platform.web.NotFoundException;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Reads a {@link FacilityId} from a path; a malformed one is simply not found. */
@Component
class FacilityIdConverter implements Converter<String, FacilityId> {

    @Override
    public FacilityId convert(String source) {
        try {
            return FacilityId.of(source);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("facility");
        }
    }
}
