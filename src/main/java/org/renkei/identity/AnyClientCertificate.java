package org.renkei.identity;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS layer's trust manager for client certificates: lets every client certificate through the handshake, so
 * that certificate login can check it itself and tell the person why a card was refused. Tomcat creates it by
 * class name ({@code SSLHostConfig.trustManagerClassName}); it never trusts a server.
 *
 * <p>Tomcat's JSSE connector treats {@code certificateVerification="optional_no_ca"} like {@code optional}: a
 * client certificate that does not chain to the JDK's default trust store would end the handshake. This class is
 * what actually makes the connector accept any certificate; the requested-not-required part comes from
 * {@code want} client authentication.
 */
public final class AnyClientCertificate extends X509ExtendedTrustManager {

    private static final X509Certificate[] NO_ISSUERS = new X509Certificate[0];

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // checked by certificate login (CardVerifier), with a reason for every refusal
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // as above
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // as above
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a server's trust manager trusts no server");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    /** No certificate authorities are named to the client: a card of any issuer may be offered. */
    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return NO_ISSUERS;
    }
}
