package org.renkei.identity;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSession;
import org.apache.tomcat.util.net.SSLSupport;
import org.apache.tomcat.util.net.jsse.JSSEImplementation;
import org.apache.tomcat.util.net.jsse.JSSESupport;

/**
 * Tomcat's JSSE connector, with a connection's TLS details worked out once per connection instead of on every
 * request. The first time a request asks for one TLS detail (certificate login asks for the client certificate),
 * Tomcat puts all of them in the request's attributes: the cipher suite, the certificate chain, the key size, the
 * session id as hex, the protocol, and the protocols and ciphers the client offered, each written out anew. On a
 * kept-alive connection they never change, so they are kept with the TLS session, for as long as it serves the
 * connection whose handshake offered them. Set as the connector's {@code sslImplementationName} by {@link
 * ServerTls}.
 */
public final class ConnectionTlsDetails extends JSSEImplementation {

    private static final String KEY = ConnectionTlsDetails.class.getName();

    @Override
    public SSLSupport getSSLSupport(SSLSession session, Map<String, List<String>> additionalAttributes) {
        if (session.getValue(KEY) instanceof Remembered known && known.isFor(additionalAttributes)) {
            return known;
        }
        var details = new Remembered(session, additionalAttributes);
        session.putValue(KEY, details);
        return details;
    }

    /**
     * The details of one session on one connection. The client's offers are lists Tomcat makes anew for every
     * handshake and puts in a map of the connection's: another map or other lists (a session resumed on another
     * connection, or a connection object reused) are another connection's, which get details of their own.
     */
    static final class Remembered extends JSSESupport {

        private final Map<String, List<String>> offers;
        private final List<String> offeredProtocols;
        private final List<String> offeredCiphers;
        private volatile Known known;

        /** Everything Tomcat puts in a request's attributes, worked out together (Tomcat asks for all at once). */
        private record Known(String cipherSuite, X509Certificate[] peerChain, Integer keySize, String sessionId,
                String protocol, String requestedProtocols, String requestedCiphers) {
        }

        Remembered(SSLSession session, Map<String, List<String>> offers) {
            super(session, offers);
            this.offers = offers;
            this.offeredProtocols = offers == null ? null : offers.get(SSLSupport.REQUESTED_PROTOCOL_VERSIONS_KEY);
            this.offeredCiphers = offers == null ? null : offers.get(SSLSupport.REQUESTED_CIPHERS_KEY);
        }

        boolean isFor(Map<String, List<String>> connectionOffers) {
            return connectionOffers == offers
                    && (offers == null || offers.get(SSLSupport.REQUESTED_PROTOCOL_VERSIONS_KEY) == offeredProtocols
                            && offers.get(SSLSupport.REQUESTED_CIPHERS_KEY) == offeredCiphers);
        }

        private Known known() throws IOException {
            Known details = known;
            if (details == null) {
                details = new Known(super.getCipherSuite(), super.getPeerCertificateChain(), super.getKeySize(),
                        super.getSessionId(), super.getProtocol(), super.getRequestedProtocols(),
                        super.getRequestedCiphers());
                known = details;
            }
            return details;
        }

        @Override
        public String getCipherSuite() throws IOException {
            return known().cipherSuite();
        }

        @Override
        public X509Certificate[] getPeerCertificateChain() throws IOException {
            X509Certificate[] chain = known().peerChain();
            return chain == null ? null : chain.clone();
        }

        @Override
        public Integer getKeySize() throws IOException {
            return known().keySize();
        }

        @Override
        public String getSessionId() throws IOException {
            return known().sessionId();
        }

        @Override
        public String getProtocol() throws IOException {
            return known().protocol();
        }

        @Override
        public String getRequestedProtocols() throws IOException {
            return known().requestedProtocols();
        }

        @Override
        public String getRequestedCiphers() throws IOException {
            return known().requestedCiphers();
        }

        /** A renegotiation (a client certificate asked for later) gives the connection a new session. */
        @Override
        public void setSession(SSLSession session) {
            super.setSession(session);
            known = null;
        }
    }
}
