package org.renkei.identity;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * What the network CA signs: its own self-signed certificate, user card certificates and revocation lists.
 * Pure functions of their inputs (keys, names, times); storing and deciding is elsewhere.
 */
final class NetworkCaCertificates {

    static final String CA_COMMON_NAME = "Renkei Network User Card CA";
    static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

    /** Upper bounds of RFC 5280 for commonName and organizationName. */
    private static final int MAX_NAME = 64;

    private NetworkCaCertificates() {
    }

    /** A new P-256 key pair (the CA's, or a soft token's). */
    static KeyPair newKeyPair() {
        try {
            var generator = KeyPairGenerator.getInstance("EC", Pki.BC);
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no EC P-256 key generator", e);
        }
    }

    static X500Name caName(String organization) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "JP")
                .addRDN(BCStyle.O, limit(organization))
                .addRDN(BCStyle.CN, CA_COMMON_NAME)
                .build();
    }

    /**
     * The card's subject: {@code CN=<name>, SERIALNUMBER=<staff id>, O=<facility>, C=JP} (most specific first);
     * names are UTF8String, so Japanese is written as it is.
     */
    static X500Name cardName(CardSubject subject) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "JP")
                .addRDN(BCStyle.O, limit(subject.facilityName()))
                .addRDN(BCStyle.SERIALNUMBER, subject.staffId().toString())
                .addRDN(BCStyle.CN, limit(subject.name()))
                .build();
    }

    /** The CA's self-signed certificate: CA, path length 0 (it signs only end users), keyCertSign and cRLSign. */
    static X509Certificate selfSigned(KeyPair keys, X500Name name, Instant from, Instant until) {
        try {
            var utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, Pki.randomSerial(),
                    Date.from(from), Date.from(until), name, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            utils.createSubjectKeyIdentifier(keys.getPublic()));
            return Pki.certificate(builder.build(signer(keys.getPrivate())));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("the CA certificate could not be built", e);
        }
    }

    /**
     * A user card certificate that authenticates only: digitalSignature (critical, no nonRepudiation — a user
     * card never signs records, SIG-02), extended key usage clientAuth, the staff id as a URI in the subject's
     * alternative names, and where its CA's revocation list is published. Never valid beyond the CA.
     */
    static X509Certificate card(CaMaterial ca, CardSubject subject, PublicKey key, Instant from, Instant until,
            String crlUrl) {
        Instant notAfter = until.isAfter(ca.certificate().getNotAfter().toInstant())
                ? ca.certificate().getNotAfter().toInstant() : until;
        try {
            var utils = new JcaX509ExtensionUtils();
            var crl = new DistributionPoint(new DistributionPointName(
                    new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl))), null, null);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(), Pki.randomSerial(),
                    Date.from(from), Date.from(notAfter), cardName(subject), key)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                            new GeneralName(GeneralName.uniformResourceIdentifier, subject.staffUrn())))
                    .addExtension(Extension.cRLDistributionPoints, false,
                            new CRLDistPoint(new DistributionPoint[] {crl}))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            utils.createAuthorityKeyIdentifier(ca.certificate().getPublicKey()))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
            return Pki.certificate(builder.build(signer(ca.privateKey())));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("the card certificate could not be built", e);
        }
    }

    /** One revoked certificate on a CRL. */
    record Revoked(BigInteger serial, Instant at, int reason) {
    }

    /** An X.509 v2 CRL with its number, the authority key identifier and each entry's reason code. */
    static X509CRL crl(CaMaterial ca, long number, Instant thisUpdate, Instant nextUpdate, List<Revoked> revoked) {
        try {
            var builder = new JcaX509v2CRLBuilder(ca.certificate(), Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(nextUpdate));
            for (Revoked entry : revoked) {
                // RFC 5280 5.3.1: the reason code should be absent rather than "unspecified"
                if (entry.reason() == CRLReason.unspecified) {
                    builder.addCRLEntry(entry.serial(), Date.from(entry.at()), (Extensions) null);
                } else {
                    builder.addCRLEntry(entry.serial(), Date.from(entry.at()), entry.reason());
                }
            }
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate().getPublicKey()));
            return Pki.crl(builder.build(signer(ca.privateKey())));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("the CRL could not be built", e);
        }
    }

    private static ContentSigner signer(PrivateKey key) {
        try {
            return new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).setProvider(Pki.BC).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("no " + SIGNATURE_ALGORITHM + " signer", e);
        }
    }

    private static String limit(String text) {
        String stripped = text == null || text.isBlank() ? "-" : text.strip();
        return stripped.codePointCount(0, stripped.length()) <= MAX_NAME ? stripped
                : stripped.substring(0, stripped.offsetByCodePoints(0, MAX_NAME));
    }
}
