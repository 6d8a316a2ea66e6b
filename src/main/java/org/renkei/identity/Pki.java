package org.renkei.identity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * Small helpers shared by the network CA's parts: the Bouncy Castle provider (used as an instance, never
 * installed JVM-wide), random serial numbers, and turning Bouncy Castle's holders into the JDK's certificate
 * and CRL objects so that everything handed out is what {@code java.security.cert} expects.
 */
final class Pki {

    static final Provider BC = new BouncyCastleProvider();

    private static final SecureRandom RANDOM = new SecureRandom();

    private Pki() {
    }

    /** A random positive serial number of 16 bytes (RFC 5280 4.1.2.2: at most 20 octets, unpredictable). */
    static BigInteger randomSerial() {
        byte[] bytes = new byte[16];
        BigInteger serial;
        do {
            RANDOM.nextBytes(bytes);
            serial = new BigInteger(1, bytes);
        } while (serial.signum() == 0);
        return serial;
    }

    static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalStateException("not an X.509 certificate", e);
        }
    }

    static X509Certificate certificate(X509CertificateHolder holder) {
        try {
            return certificate(holder.getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException("certificate could not be encoded", e);
        }
    }

    static X509CRL crl(byte[] der) {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        } catch (CertificateException | CRLException e) {
            throw new IllegalStateException("not an X.509 CRL", e);
        }
    }

    static X509CRL crl(X509CRLHolder holder) {
        try {
            return crl(holder.getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException("CRL could not be encoded", e);
        }
    }

    /** The CRL's number (RFC 5280 5.2.3). */
    static BigInteger crlNumber(X509CRL crl) {
        try {
            return CRLNumber.getInstance(new X509CRLHolder(crl.getEncoded()).getExtension(Extension.cRLNumber)
                    .getParsedValue()).getCRLNumber();
        } catch (CRLException | IOException | RuntimeException e) {
            throw new IllegalStateException("CRL without a number", e);
        }
    }

    static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("certificate could not be encoded", e);
        }
    }

    /** PEM text of a certificate, CRL or other object Bouncy Castle's PEM writer knows. */
    static String pem(Object object) {
        var text = new StringWriter();
        try (var writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException("could not write PEM", e);
        }
        return text.toString();
    }
}
