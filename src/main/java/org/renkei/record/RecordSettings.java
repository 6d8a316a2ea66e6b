package org.renkei.record;

import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Settings of the shared records: where attachments live, how large they may be, which types are accepted. */
@Configuration
class RecordSettings {

    private final long maxAttachmentBytes;
    private final List<String> contentTypes;

    RecordSettings(@Value("${renkei.records.max-attachment-size:20MB}") org.springframework.util.unit.DataSize max,
            @Value("${renkei.records.attachment-types:application/pdf,image/jpeg,image/png,text/plain}") List<String> types) {
        this.maxAttachmentBytes = max.toBytes();
        this.contentTypes = List.copyOf(types);
    }

    long maxAttachmentBytes() {
        return maxAttachmentBytes;
    }

    boolean allowedContentType(String type) {
        String bare = type.split(";")[0].strip().toLowerCase();
        return contentTypes.contains(bare);
    }

    /** The default attachment store: a folder under the data folder. */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean(AttachmentStore.class)
    AttachmentStore fileSystemAttachmentStore(
            @Value("${renkei.records.attachments-directory:data/attachments}") Path directory) {
        return new FileSystemAttachmentStore(directory);
    }
}
