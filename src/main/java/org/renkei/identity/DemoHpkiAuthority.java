package org.renkei.identity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The demo region's stand-in for the HPKI certificate authorities: "Renkei DEMO HPKI Test CA — not for real use".
 * It exists only with the {@code demo} profile (and in tests), keeps its key in {@code
 * renkei.card.demo-ca.directory}, is trusted for {@link AuthLevel#HPKI_CARD} logins, and publishes its own
 * revocation list (the registrations of its certificates that the operator revoked). {@link #issueSoftToken}
 * gives a demo doctor or pharmacist an HPKI-shaped certificate in a PKCS#12 file — a software stand-in for the
 * IC card — registered to them at once.
 */
@Component
@Profile({"demo", "test"})
public class DemoHpkiAuthority implements CardIssuer {

    private static final Logger log = LoggerFactory.getLogger(DemoHpkiAuthority.class);

    public static final String NAME = "Renkei DEMO HPKI Test CA — not for real use";
    static final String KEYSTORE = "demo-hpki-ca.p12";
    static final String CERTIFICATE = "demo-hpki-ca.pem";
    private static final String ALIAS = "ca";
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration CARD_VALIDITY = Duration.ofDays(730);
    private static final Duration CRL_VALIDITY = Duration.ofDays(1);
    private static final String SIGNATURE = "SHA256withRSA";

    private final CardCertificates cards;
    private final StaffDirectory staff;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final X509Certificate certificate;
    private final PrivateKey key;

    DemoHpkiAuthority(CardSettings settings, CardCertificates cards, StaffDirectory staff, Clock clock) {
        this.cards = cards;
        this.staff = staff;
        this.clock = clock;
        Path keyStore = settings.demoCa().directory().resolve(KEYSTORE).toAbsolutePath();
        try {
            char[] password = KeyStoreFiles.password(keyStore);
            KeyStore store = Files.exists(keyStore) ? KeyStoreFiles.load(keyStore, password) : create(keyStore,
                    password);
            this.certificate = (X509Certificate) store.getCertificate(ALIAS);
            this.key = (PrivateKey) store.getKey(ALIAS, password);
            KeyStoreFiles.writePem(keyStore.resolveSibling(CERTIFICATE), certificate);
        } catch (IOException e) {
            throw new UncheckedIOException("The demo HPKI CA cannot be kept in " + keyStore.getParent(), e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("The demo HPKI CA cannot be made", e);
        }
    }

    /** The CA certificate (self-signed). */
    public X509Certificate certificate() {
        return certificate;
    }

    @Override
    public AuthLevel kind() {
        return AuthLevel.HPKI_CARD;
    }

    @Override
    public List<X509Certificate> trustAnchors() {
        return List.of(certificate);
    }

    /** Its own CRL, made afresh: the registrations of its certificates that were revoked. */
    @Override
    public Optional<X509CRL> currentCrl(X509Certificate issuerCertificate) {
        if (!certificate.equals(issuerCertificate)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<CardCertificate> revoked = cards.revokedBy(CardCertificates.subjectOf(certificate));
        List<String> serials = revoked.stream().map(CardCertificate::serialNumber).sorted().toList();
        SignedCrl known = signed;
        // A list is signed again only when a card was revoked or it is half-way through its validity: signing on
        // every certificate check would cost more than the request itself.
        if (known != null && known.serials().equals(serials)
                && now.isBefore(known.signedAt().plus(CRL_VALIDITY.dividedBy(2)))) {
            return Optional.of(known.crl());
        }
        try {
            X509v2CRLBuilder crl = new JcaX509v2CRLBuilder(certificate, Date.from(now.minusSeconds(60)));
            crl.setNextUpdate(Date.from(now.plus(CRL_VALIDITY)));
            for (CardCertificate card : revoked) {
                crl.addCRLEntry(new BigInteger(card.serialNumber(), 16), Date.from(card.revokedAt()),
                        reason(card.revocationReason()));
            }
            crl.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate));
            crl.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(now.toEpochMilli())));
            X509CRL made = new JcaX509CRLConverter().getCRL(crl.build(signer()));
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                // only lists of committed revocations are kept: a read inside a transaction may yet be rolled back
                signed = new SignedCrl(made, serials, now);
            }
            return Optional.of(made);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("The demo HPKI CA cannot make its CRL", e);
        }
    }

    /** The last list signed, with the revoked serial numbers it holds. */
    private record SignedCrl(X509CRL crl, List<String> serials, Instant signedAt) {
    }

    private volatile SignedCrl signed;

    /**
     * An HPKI-shaped login certificate for a demo doctor or pharmacist, registered to them: subject the user's
     * name, subjectDirectoryAttributes with the HPKI role of their profession, the HPKI certificate policy, key
     * usage digitalSignature (a login certificate, not a signing one), valid two years.
     *
     * @return a PKCS#12 file with the private key, the certificate and this CA's certificate
     * @throws IllegalArgumentException for an unknown user or one whose profession uses no HPKI card
     */
    public byte[] issueSoftToken(UUID staffId, char[] password) {
        StaffDirectory.StaffProfile profile = staff.profile(staffId)
                .orElseThrow(() -> new IllegalArgumentException("unknown staff member " + staffId));
        String role = Hpki.role(profile.profession()).orElseThrow(() -> new IllegalArgumentException(
                "a " + profile.profession() + " logs in with the network's user card, not an HPKI card"));
        try {
            KeyPair keys = rsaKeys();
            Instant now = clock.instant();
            Instant notAfter = now.plus(CARD_VALIDITY);
            if (notAfter.isAfter(certificate.getNotAfter().toInstant())) {
                notAfter = certificate.getNotAfter().toInstant();
            }
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "JP")
                    .addRDN(BCStyle.O, "Renkei DEMO")
                    .addRDN(BCStyle.CN, profile.displayName())
                    .addRDN(BCStyle.SERIALNUMBER, "DEMO-" + staffId.toString().substring(0, 8))
                    .build();
            var extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(notAfter), subject, keys.getPublic());
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(certificate));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.certificatePolicies, true,
                    new CertificatePolicies(new PolicyInformation(Hpki.SIGNING_POLICY)));
            builder.addExtension(Extension.subjectDirectoryAttributes, false, Hpki.roleAttributes(role));
            X509Certificate card = new JcaX509CertificateConverter().getCertificate(builder.build(signer()));

            cards.register(staffId, AuthLevel.HPKI_CARD, card, "demo-hpki-ca", now);
            log.info("Demo HPKI soft token issued to staff {}: serial {}", staffId, CardCertificates.serialOf(card));
            return pkcs12(keys.getPrivate(), card, password);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("The demo HPKI CA cannot issue a certificate", e);
        }
    }

    private byte[] pkcs12(PrivateKey cardKey, X509Certificate card, char[] password)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("hpki-card", cardKey, password, new Certificate[] {card, certificate});
        var out = new ByteArrayOutputStream();
        store.store(out, password);
        return out.toByteArray();
    }

    private KeyStore create(Path keyStore, char[] password)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        KeyPair keys = rsaKeys();
        Instant now = clock.instant();
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "JP")
                .addRDN(BCStyle.O, "Renkei DEMO")
                .addRDN(BCStyle.OU, "not for real use")
                .addRDN(BCStyle.CN, NAME)
                .build();
        var extensions = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(CA_VALIDITY)), name, keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                extensions.createSubjectKeyIdentifier(keys.getPublic()));
        X509Certificate ca = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder(SIGNATURE).build(keys.getPrivate())));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, keys.getPrivate(), password, new Certificate[] {ca});
        Files.createDirectories(keyStore.getParent());
        KeyStoreFiles.store(store, keyStore, password);
        log.info("Made the demo HPKI CA ({}), valid until {}: {}", NAME, ca.getNotAfter().toInstant(), keyStore);
        return store;
    }

    private KeyPair rsaKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, random);
        return generator.generateKeyPair();
    }

    private ContentSigner signer() throws OperatorCreationException {
        return new JcaContentSignerBuilder(SIGNATURE).build(key);
    }

    private BigInteger serial() {
        return new BigInteger(120, random).add(BigInteger.ONE);
    }

    @Override
    public String toString() {
        return NAME;
    }

    private static int reason(String revocationReason) {
        if (revocationReason == null) {
            return CRLReason.unspecified;
        }
        return switch (revocationReason) {
            case "lost", "stolen" -> CRLReason.keyCompromise;
            case "replaced" -> CRLReason.superseded;
            case "damaged" -> CRLReason.cessationOfOperation;
            default -> CRLReason.unspecified;
        };
    }
}
