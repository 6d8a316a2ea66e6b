package org.renkei.identity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The revocation list that speaks for a card certificate: the issuer's own (the network's CA, the demo CA) or the
 * one published at the certificate's CRL distribution point, fetched over HTTP and kept for {@code
 * renkei.card.crl.cache-ttl} (never past its nextUpdate). Whether the list is genuine and current is checked by
 * the JDK's PKIX validator, not here.
 */
@Component
class CardCrls {

    private static final Logger log = LoggerFactory.getLogger(CardCrls.class);
    /** After a failed fetch, the same address is not tried again for this long. */
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);

    private final CardSettings.Crl settings;
    private final Clock clock;
    private final HttpClient http;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    private record Cached(X509CRL crl, Instant fetchedAt, Instant failedAt) {
    }

    CardCrls(CardSettings settings, Clock clock) {
        this.settings = settings.crl();
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(this.settings.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** The CRL for a certificate whose issuer is {@code issuerCertificate}, from {@code issuer} or its CRL DP. */
    Optional<X509CRL> crlFor(X509Certificate certificate, X509Certificate issuerCertificate, CardIssuer issuer) {
        Optional<X509CRL> own = issuer.currentCrl(issuerCertificate);
        if (own.isPresent()) {
            return own;
        }
        for (String url : distributionPoints(certificate)) {
            Optional<X509CRL> crl = cached(url);
            if (crl.isPresent()) {
                return crl;
            }
        }
        return Optional.empty();
    }

    /** The HTTP(S) addresses in the certificate's CRL distribution points. */
    static List<String> distributionPoints(X509Certificate certificate) {
        List<String> urls = new ArrayList<>();
        try {
            Extension extension = new JcaX509CertificateHolder(certificate)
                    .getExtension(Extension.cRLDistributionPoints);
            if (extension == null) {
                return urls;
            }
            for (DistributionPoint point : CRLDistPoint.getInstance(extension.getParsedValue())
                    .getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                if (name == null || name.getType() != DistributionPointName.FULL_NAME) {
                    continue;
                }
                for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                    if (general.getTagNo() == GeneralName.uniformResourceIdentifier) {
                        String url = general.getName().toString();
                        if (url.startsWith("http://") || url.startsWith("https://")) {
                            urls.add(url);
                        }
                    }
                }
            }
        } catch (CertificateEncodingException | IllegalArgumentException e) {
            // no readable distribution point
        }
        return urls;
    }

    private Optional<X509CRL> cached(String url) {
        synchronized (locks.computeIfAbsent(url, u -> new Object())) {
            Instant now = clock.instant();
            Cached known = cache.get(url);
            if (known != null && known.crl() != null && fresh(known, now)) {
                return Optional.of(known.crl());
            }
            if (known != null && known.failedAt() != null
                    && known.failedAt().plus(RETRY_AFTER_FAILURE).isAfter(now)) {
                return stillCurrent(known, now);
            }
            try {
                X509CRL crl = fetch(url);
                cache.put(url, new Cached(crl, now, null));
                log.info("CRL fetched from {}: {} entries, next update {}", url,
                        crl.getRevokedCertificates() == null ? 0 : crl.getRevokedCertificates().size(),
                        crl.getNextUpdate() == null ? "-" : crl.getNextUpdate().toInstant());
                return Optional.of(crl);
            } catch (IOException | CRLException | CertificateException | IllegalArgumentException e) {
                log.warn("CRL cannot be fetched from {}: {}", url, e.toString());
                Cached failed = new Cached(known == null ? null : known.crl(),
                        known == null ? null : known.fetchedAt(), now);
                cache.put(url, failed);
                return stillCurrent(failed, now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    private boolean fresh(Cached known, Instant now) {
        return known.fetchedAt().plus(settings.cacheTtl()).isAfter(now) && stillCurrent(known, now).isPresent();
    }

    /** A list fetched earlier is still good while its nextUpdate has not passed. */
    private static Optional<X509CRL> stillCurrent(Cached known, Instant now) {
        if (known.crl() == null) {
            return Optional.empty();
        }
        var next = known.crl().getNextUpdate();
        return next == null || next.toInstant().isAfter(now) ? Optional.of(known.crl()) : Optional.empty();
    }

    private X509CRL fetch(String url) throws IOException, InterruptedException, CRLException, CertificateException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.timeout()).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxSize().toBytes() + 1));
            if (bytes.length > settings.maxSize().toBytes()) {
                throw new IOException("larger than " + settings.maxSize());
            }
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(bytes));
        }
    }
}
