package org.renkei.record.viewer;

import java.io.InputStream;
import java.util.UUID;
import org.renkei.identity.Actor;
import org.renkei.platform.web.NotFoundException;
import org.renkei.record.Attachments;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The bytes of an attachment, streamed to be shown inline on the record's page (an image, a PDF in a frame of the
 * same origin). Never sniffed into another type; the content itself may run nothing (its own CSP).
 */
@RestController
class RecordContent {

    private final Attachments attachments;

    RecordContent(Attachments attachments) {
        this.attachments = attachments;
    }

    @GetMapping("/records/{binaryId}/content")
    ResponseEntity<StreamingResponseBody> content(@PathVariable UUID binaryId, Actor actor) {
        Attachments.Content content = attachments.open(actor, binaryId)
                .orElseThrow(() -> new NotFoundException("record"));
        StreamingResponseBody body = out -> {
            try (InputStream in = content.stream()) {
                in.transferTo(out);
            }
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.contentType()))
                .contentLength(content.size())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", ContentDisposition.inline().build().toString())
                .header("Content-Security-Policy", "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; "
                        + "frame-ancestors 'self'")
                .header("X-Frame-Options", "SAMEORIGIN")
                .header("Cache-Control", "private, no-store")
                .body(body);
    }
}
