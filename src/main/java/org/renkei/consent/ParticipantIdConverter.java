package org.renkei.consent;

import org.renkei.platform.web.NotFoundException;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Reads a {@link ParticipantId} from a path; a malformed one is simply not found. */
@Component
class ParticipantIdConverter implements Converter<String, ParticipantId> {

    @Override
    public ParticipantId convert(String source) {
        try {
            return ParticipantId.of(source);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("participant");
        }
    }
}
