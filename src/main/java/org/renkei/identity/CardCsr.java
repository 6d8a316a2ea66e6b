package org.renkei.identity;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.math.BigInteger;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.renkei.platform.web.InvalidInputException;

/**
 * A PKCS#10 certificate signing request from a card (the card made the key pair and keeps the private key).
 * The request proves the card holds the key — its signature must verify with the key it carries — and the key
 * must be strong enough: RSA of at least 2048 bits or EC on P-256, P-384 or P-521, signed with SHA-256 or
 * better. The request's own subject is ignored: the CA writes the user's name from the registry.
 */
final class CardCsr {

    static final int MIN_RSA_BITS = 2048;

    private static final Map<ASN1ObjectIdentifier, String> CURVES = Map.of(
            SECObjectIdentifiers.secp256r1, "P-256",
            SECObjectIdentifiers.secp384r1, "P-384",
            SECObjectIdentifiers.secp521r1, "P-521");

    private static final Set<ASN1ObjectIdentifier> SIGNATURES = Set.of(
            PKCSObjectIdentifiers.sha256WithRSAEncryption, PKCSObjectIdentifiers.sha384WithRSAEncryption,
            PKCSObjectIdentifiers.sha512WithRSAEncryption, PKCSObjectIdentifiers.id_RSASSA_PSS,
            X9ObjectIdentifiers.ecdsa_with_SHA256, X9ObjectIdentifiers.ecdsa_with_SHA384,
            X9ObjectIdentifiers.ecdsa_with_SHA512);

    private CardCsr() {
    }

    /** The checked public key of a request given as PEM text or as DER bytes. */
    static PublicKey publicKeyOf(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw new InvalidInputException("ca.csr.missing");
        }
        String text = new String(upload, StandardCharsets.US_ASCII);
        return text.contains("-----BEGIN") ? publicKeyOf(text) : checked(parseDer(upload));
    }

    /** The checked public key of a request given as PEM text. */
    static PublicKey publicKeyOf(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new InvalidInputException("ca.csr.missing");
        }
        return checked(parsePem(pem));
    }

    private static PKCS10CertificationRequest parsePem(String pem) {
        try (var parser = new PEMParser(new StringReader(pem.strip()))) {
            Object object = parser.readObject();
            if (object instanceof PKCS10CertificationRequest request) {
                return request;
            }
        } catch (IOException | RuntimeException e) {
            // not readable: the same answer as for another kind of PEM object
        }
        throw new InvalidInputException("ca.csr.unreadable");
    }

    private static PKCS10CertificationRequest parseDer(byte[] der) {
        try {
            return new PKCS10CertificationRequest(der);
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("ca.csr.unreadable");
        }
    }

    private static PublicKey checked(PKCS10CertificationRequest request) {
        SubjectPublicKeyInfo info = request.getSubjectPublicKeyInfo();
        PublicKey key;
        try {
            key = new JcaPEMKeyConverter().setProvider(Pki.BC).getPublicKey(info);
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("ca.csr.keyUnsupported");
        }
        if (key instanceof RSAPublicKey rsa) {
            BigInteger exponent = rsa.getPublicExponent();
            if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
                throw new InvalidInputException("ca.csr.weakKey", "RSA " + rsa.getModulus().bitLength());
            }
            if (exponent.compareTo(BigInteger.valueOf(3)) < 0 || !exponent.testBit(0)) {
                throw new InvalidInputException("ca.csr.weakKey", "RSA e=" + exponent);
            }
        } else if (key instanceof ECPublicKey) {
            ASN1ObjectIdentifier curve = info.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier oid
                    ? oid : null;
            if (curve == null || !CURVES.containsKey(curve)) {
                throw new InvalidInputException("ca.csr.weakKey", "EC " + (curve == null ? "?" : curve.getId()));
            }
        } else {
            throw new InvalidInputException("ca.csr.keyUnsupported");
        }
        if (!SIGNATURES.contains(request.getSignatureAlgorithm().getAlgorithm())) {
            throw new InvalidInputException("ca.csr.weakSignature");
        }
        boolean valid;
        try {
            valid = request.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Pki.BC).build(info));
        } catch (OperatorCreationException | PKCSException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            throw new InvalidInputException("ca.csr.badSignature");
        }
        return key;
    }
}
