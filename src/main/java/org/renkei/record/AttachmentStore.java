package org.renkei.record;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where the bytes of attachments live, addressed by their SHA-256. The default keeps them in a folder under the
 * data folder; another implementation (an S3-compatible store, say) replaces it as a bean.
 */
public interface AttachmentStore {

    /** What a put stored: the content address and the size. {@code created} is false when it was there already. */
    record Put(String sha256, long size, boolean created) {
    }

    /**
     * Streams the content into the store, hashing it on the way, and refuses more than {@code maxBytes} (nothing is
     * kept then).
     */
    Put put(InputStream content, long maxBytes) throws IOException;

    /** The content, if stored. */
    Optional<InputStream> open(String sha256) throws IOException;

    /** Removes the content (only used to undo a put whose transaction rolled back). */
    void delete(String sha256) throws IOException;

    /** More content than allowed. */
    class TooLarge extends IOException {
        public TooLarge(long maxBytes) {
            super("attachment larger than " + maxBytes + " bytes");
        }
    }
}
