package org.renkei.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Reads the real MEDIS HPKI test certificate in place ({@code ../shared/testdata/hpki}); never copied here. */
class HpkiCertificateTests {

    private static final Path MEDIS = Path.of("..", "shared", "testdata", "hpki", "medis-test-doctor-signing.pem");

    private static X509Certificate medis;

    @BeforeAll
    static void read() throws Exception {
        Assumptions.assumeTrue(Files.exists(MEDIS), "SKIPPED: ../shared/testdata is not beside this checkout, so the "
                + "real MEDIS HPKI test certificate cannot be read (" + MEDIS.toAbsolutePath() + ")");
        try (InputStream in = Files.newInputStream(MEDIS)) {
            medis = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    @Test
    @DisplayName("USR-02 the MEDIS HPKI test certificate reads as a doctor's card: hcRole \"Medical Doctor\" in the HPKI role scheme")
    void role() {
        assertThat(Hpki.roles(medis)).containsExactly("Medical Doctor");
        assertThat(Hpki.profession("Medical Doctor")).contains(Profession.DOCTOR);
        assertThat(Hpki.fits(medis, Profession.DOCTOR)).isTrue();
        assertThat(Hpki.fits(medis, Profession.PHARMACIST)).isFalse();
        assertThat(Hpki.fits(medis, Profession.NURSE)).isFalse();
    }

    @Test
    @DisplayName("USR-02 SIG-02 the MEDIS HPKI test certificate is a signing certificate: HPKI policy, nonRepudiation only")
    void signingCertificate() {
        assertThat(Hpki.policies(medis)).containsExactly("1.2.392.100495.1.5.1.1.0.1");
        assertThat(medis.getCriticalExtensionOIDs()).contains("2.5.29.32", "2.5.29.15");
        assertThat(medis.getKeyUsage()).startsWith(false, true, false, false, false, false, false, false);
        assertThat(CardCertificates.signingOf(medis)).isTrue();
        assertThat(Hpki.isSigningCertificate(medis)).isTrue();
    }

    @Test
    @DisplayName("USR-02 the MEDIS HPKI test certificate: subject, Japanese name, issuer, serial, validity and CRL distribution point")
    void names() throws Exception {
        assertThat(CardCertificates.subjectOf(medis))
                .isEqualTo("C=JP,O=MEDIS UNIVERSITY HOSPITAL,CN=Sanjushi Kagurazaka,SERIALNUMBER=Test117120");
        assertThat(CardCertificates.issuerOf(medis))
                .isEqualTo("C=JP,O=MEDIS,OU=MEDIS HPKI CA,CN=HPKI-01-MedisSignCA2-forNonRepudiation");
        assertThat(CardCertificates.serialOf(medis)).isEqualTo("15e");
        assertThat(medis.getNotBefore().toInstant()).isEqualTo(Instant.parse("2022-02-06T15:00:00Z"));
        assertThat(medis.getNotAfter().toInstant()).isEqualTo(Instant.parse("2027-02-07T14:59:59Z"));
        assertThat(CardCrls.distributionPoints(medis)).containsExactly("http://cert.medis.or.jp/sign/crl-sign2.crl");

        var alternative = GeneralNames.fromExtensions(new JcaX509CertificateHolder(medis).getExtensions(),
                Extension.subjectAlternativeName).getNames();
        assertThat(alternative).hasSize(1);
        assertThat(alternative[0].getTagNo()).isEqualTo(GeneralName.directoryName);
        X500Name japanese = X500Name.getInstance(alternative[0].getName());
        assertThat(japanese.getRDNs(BCStyle.O)[0].getFirst().getValue().toString()).isEqualTo("医療情報大学病院");
        assertThat(japanese.getRDNs(BCStyle.CN)[0].getFirst().getValue().toString()).isEqualTo("神楽坂　三十四");
    }

    @Test
    @DisplayName("USR-02 Renkei writes an HPKI role exactly as the MEDIS certificate encodes it")
    void encodesRoleAsHpki() throws Exception {
        byte[] real = ASN1OctetString.getInstance(medis.getExtensionValue("2.5.29.9")).getOctets();
        assertThat(Hpki.roleAttributes("Medical Doctor").getEncoded("DER")).isEqualTo(real);
    }
}
