package org.renkei.audit;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.bouncycastle.util.Store;

/**
 * RFC 3161 time stamps over checkpoint signatures (Bouncy Castle): from a TSA at {@code renkei.audit.tsa-url}, or
 * by default from the in-process TSA whose key is one of the node's {@link AuditKeys}.
 */
final class TimeStamps {

    /** The in-process TSA's policy: an identifier from the example arc (2.999), not a published policy. */
    static final ASN1ObjectIdentifier IN_PROCESS_POLICY = new ASN1ObjectIdentifier("2.999.1.1");

    private final AuditKeys.Key tsa;
    private final URI remote;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    TimeStamps(AuditKeys.Key tsa, String remoteUrl, Clock clock) {
        this.tsa = tsa;
        this.remote = remoteUrl == null ? null : URI.create(remoteUrl);
        this.clock = clock;
    }

    /** A time-stamp token (DER) over the SHA-256 of the data. */
    byte[] stamp(byte[] data) {
        try {
            TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
            requests.setCertReq(true);
            TimeStampRequest request = requests.generate(TSPAlgorithms.SHA256, AuditChain.sha256().digest(data),
                    new BigInteger(64, random));
            TimeStampResponse response = remote == null ? inProcess(request) : fromRemote(request);
            response.validate(request);
            TimeStampToken token = response.getTimeStampToken();
            if (token == null) {
                throw new IllegalStateException("the TSA granted no time stamp: " + response.getStatusString());
            }
            return token.getEncoded();
        } catch (TSPException | IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("no time stamp: " + e.getMessage(), e);
        }
    }

    private TimeStampResponse inProcess(TimeStampRequest request)
            throws OperatorCreationException, GeneralSecurityException, TSPException {
        var generator = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", tsa.privateKey(), tsa.certificate()),
                new JcaDigestCalculatorProviderBuilder().build()
                        .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                IN_PROCESS_POLICY);
        generator.addCertificates(new JcaCertStore(List.of(tsa.certificate())));
        return new TimeStampResponseGenerator(generator, TSPAlgorithms.ALLOWED)
                .generate(request, new BigInteger(64, random), Date.from(clock.instant()));
    }

    private TimeStampResponse fromRemote(TimeStampRequest request) throws IOException, TSPException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest post = HttpRequest.newBuilder(remote).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/timestamp-query")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build();
        try {
            HttpResponse<byte[]> answer = client.send(post, HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new IOException("the TSA answered HTTP " + answer.statusCode());
            }
            return new TimeStampResponse(answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking the TSA", e);
        }
    }

    /**
     * Whether the token is a valid time stamp over the data, signed by the in-process TSA or — for a remote TSA —
     * by the certificate the token carries (its trust is the installation's choice of TSA).
     */
    boolean verify(byte[] encodedToken, byte[] data) {
        try {
            TimeStampToken token = new TimeStampToken(new CMSSignedData(encodedToken));
            X509CertificateHolder signer = signerOf(token);
            if (signer == null) {
                return false;
            }
            if (remote == null && !signer.equals(new JcaX509CertificateHolder(tsa.certificate()))) {
                return false;
            }
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
            return Arrays.equals(token.getTimeStampInfo().getMessageImprintDigest(),
                    AuditChain.sha256().digest(data));
        } catch (IOException | CMSException | TSPException | OperatorCreationException
                | java.security.cert.CertificateException | RuntimeException e) {
            return false;
        }
    }

    /** The time the token states. */
    static Date timeOf(byte[] encodedToken) {
        try {
            return new TimeStampToken(new CMSSignedData(encodedToken)).getTimeStampInfo().getGenTime();
        } catch (IOException | CMSException | TSPException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static X509CertificateHolder signerOf(TimeStampToken token) {
        Store<X509CertificateHolder> certificates = token.getCertificates();
        Collection<X509CertificateHolder> matches = certificates.getMatches(token.getSID());
        return matches.isEmpty() ? null : matches.iterator().next();
    }

    X509Certificate inProcessCertificate() {
        return tsa.certificate();
    }
}
