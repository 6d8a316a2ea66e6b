package org.renkei.identity;

import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The IC-card certificates registered to users. Keys: issuer + serial number, and the SHA-256 fingerprint. */
@Repository
class CardCertificates {

    private final JdbcClient jdbc;

    CardCertificates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The issuer's distinguished name in one canonical text form (RFC 4514 order as Bouncy Castle prints it). */
    static String issuerOf(X509Certificate certificate) {
        return X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()).toString();
    }

    static String subjectOf(X509Certificate certificate) {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).toString();
    }

    static String serialOf(X509Certificate certificate) {
        return serial(certificate.getSerialNumber());
    }

    static String serial(BigInteger serial) {
        return serial.toString(16);
    }

    static String fingerprintOf(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(certificate.getEncoded()));
        } catch (CertificateEncodingException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("certificate could not be encoded", e);
        }
    }

    /** Whether the certificate is made for signatures: key usage nonRepudiation (contentCommitment). */
    static boolean signingOf(X509Certificate certificate) {
        boolean[] keyUsage = certificate.getKeyUsage();
        return keyUsage != null && keyUsage.length > 1 && keyUsage[1];
    }

    CardCertificate register(UUID staffId, AuthLevel kind, X509Certificate certificate, String registeredBy,
            Instant at) {
        try {
            var card = new CardCertificate(UUID.randomUUID(), staffId, kind, issuerOf(certificate),
                    serialOf(certificate), subjectOf(certificate), fingerprintOf(certificate),
                    certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(),
                    certificate.getEncoded(), at, registeredBy, null, null, signingOf(certificate));
            jdbc.sql("""
                    insert into card_certificate (id, staff_id, kind, issuer_dn, serial_number, subject_dn,
                        fingerprint_sha256, not_before, not_after, certificate, registered_at, registered_by,
                        signing)
                    values (:id, :staff, :kind, :issuer, :serial, :subject, :fingerprint, :notBefore, :notAfter,
                        :der, :at, :by, :signing)""")
                    .param("id", card.id()).param("staff", staffId).param("kind", kind.name())
                    .param("issuer", card.issuerDn()).param("serial", card.serialNumber())
                    .param("subject", card.subjectDn()).param("fingerprint", card.fingerprintSha256())
                    .param("notBefore", Timestamp.from(card.notBefore()))
                    .param("notAfter", Timestamp.from(card.notAfter()))
                    .param("der", card.der()).param("at", Timestamp.from(at)).param("by", registeredBy)
                    .param("signing", card.signing())
                    .update();
            return card;
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("certificate could not be encoded", e);
        }
    }

    Optional<CardCertificate> find(UUID id) {
        return jdbc.sql("select * from card_certificate where id = :id").param("id", id)
                .query(CardCertificates::map).optional();
    }

    Optional<CardCertificate> findByIssuerAndSerial(String issuerDn, String serialNumber) {
        return jdbc.sql("select * from card_certificate where issuer_dn = :issuer and serial_number = :serial")
                .param("issuer", issuerDn).param("serial", serialNumber).query(CardCertificates::map).optional();
    }

    Optional<CardCertificate> findByFingerprint(String fingerprint) {
        return jdbc.sql("select * from card_certificate where fingerprint_sha256 = :fingerprint")
                .param("fingerprint", fingerprint).query(CardCertificates::map).optional();
    }

    List<CardCertificate> ofStaff(UUID staffId) {
        return jdbc.sql("select * from card_certificate where staff_id = :staff order by registered_at desc")
                .param("staff", staffId).query(CardCertificates::map).list();
    }

    /** Revoked certificates of one issuer, for its CRL. */
    List<CardCertificate> revokedBy(String issuerDn) {
        return jdbc.sql("""
                select * from card_certificate where issuer_dn = :issuer and revoked_at is not null
                order by revoked_at""")
                .param("issuer", issuerDn).query(CardCertificates::map).list();
    }

    /** Marks a certificate revoked; false if it already was. */
    boolean revoke(UUID id, String reason, Instant at) {
        return jdbc.sql("""
                update card_certificate set revoked_at = :at, revocation_reason = :reason
                where id = :id and revoked_at is null""")
                .param("at", Timestamp.from(at)).param("reason", reason).param("id", id).update() == 1;
    }

    private static CardCertificate map(ResultSet rs, int n) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new CardCertificate(rs.getObject("id", UUID.class), rs.getObject("staff_id", UUID.class),
                AuthLevel.valueOf(rs.getString("kind")), rs.getString("issuer_dn"), rs.getString("serial_number"),
                rs.getString("subject_dn"), rs.getString("fingerprint_sha256"),
                rs.getTimestamp("not_before").toInstant(), rs.getTimestamp("not_after").toInstant(),
                rs.getBytes("certificate"), rs.getTimestamp("registered_at").toInstant(),
                rs.getString("registered_by"), revoked == null ? null : revoked.toInstant(),
                rs.getString("revocation_reason"), rs.getBoolean("signing"));
    }
}
