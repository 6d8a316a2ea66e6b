package org.renkei.identity;

import java.nio.charset.StandardCharsets;
import java.security.cert.CRLException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The network CA's public face, without login: its certificate (to install as a trust anchor) and its current
 * revocation list, at the address written into every card as the CRL distribution point.
 */
@RestController
class PublicCaController {

    static final MediaType PKIX_CRL = MediaType.parseMediaType("application/pkix-crl");
    static final MediaType PKIX_CERT = MediaType.parseMediaType("application/pkix-cert");
    static final MediaType PEM = MediaType.parseMediaType("application/x-pem-file");

    private final NetworkCardAuthority authority;

    PublicCaController(NetworkCardAuthority authority) {
        this.authority = authority;
    }

    @GetMapping("/public/ca/crl")
    ResponseEntity<byte[]> crl() throws CRLException {
        return ResponseEntity.ok().contentType(PKIX_CRL)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("renkei-user-card-ca.crl"))
                .body(authority.currentCrl().getEncoded());
    }

    /** DER ({@code application/pkix-cert}), or PEM with {@code ?format=pem}. */
    @GetMapping("/public/ca/certificate")
    ResponseEntity<byte[]> certificate(@RequestParam(required = false) String format) {
        if ("pem".equalsIgnoreCase(format)) {
            return ResponseEntity.ok().contentType(PEM)
                    .header(HttpHeaders.CONTENT_DISPOSITION, attachment("renkei-user-card-ca.pem"))
                    .body(Pki.pem(authority.caCertificate()).getBytes(StandardCharsets.US_ASCII));
        }
        return ResponseEntity.ok().contentType(PKIX_CERT)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("renkei-user-card-ca.cer"))
                .body(Pki.der(authority.caCertificate()));
    }

    private static String attachment(String filename) {
        return ContentDisposition.attachment().filename(filename).build().toString();
    }
}
