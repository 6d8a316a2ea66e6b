package org.renkei.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import org.apache.tomcat.util.net.SSLSupport;
import org.apache.tomcat.util.net.jsse.JSSESupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConnectionTlsDetailsTest {

    private final ConnectionTlsDetails tls = new ConnectionTlsDetails();

    @Test
    @DisplayName("USR-02 every request of a connection gets the connection's TLS details as Tomcat gives them, the client certificate among them")
    void sameDetailsAsTomcat() throws Exception {
        X509Certificate card = TestCards.untrustedCa().certificate;
        var session = new Session(card);
        var offers = offers("TLSv1.3", "TLS_AES_128_GCM_SHA256");

        SSLSupport first = tls.getSSLSupport(session, offers);
        SSLSupport second = tls.getSSLSupport(session, offers);
        var plain = new JSSESupport(session, offers);

        assertThat(second).isSameAs(first).isInstanceOf(JSSESupport.class);
        for (SSLSupport details : List.of(first, second)) {
            assertThat(details.getPeerCertificateChain()).containsExactly(card);
            assertThat(details.getCipherSuite()).isEqualTo(plain.getCipherSuite());
            assertThat(details.getKeySize()).isEqualTo(plain.getKeySize()).isEqualTo(128);
            assertThat(details.getSessionId()).isEqualTo(plain.getSessionId()).isEqualTo("0102ff");
            assertThat(details.getProtocol()).isEqualTo(plain.getProtocol());
            assertThat(details.getRequestedProtocols()).isEqualTo(plain.getRequestedProtocols()).isEqualTo("TLSv1.3");
            assertThat(details.getRequestedCiphers()).isEqualTo(plain.getRequestedCiphers())
                    .isEqualTo("TLS_AES_128_GCM_SHA256");
        }
        // a caller changing the chain it got changes nothing for the next request
        first.getPeerCertificateChain()[0] = null;
        assertThat(second.getPeerCertificateChain()).containsExactly(card);
        assertThat(session.peerCertificateCalls).as("the session asked for the chain").isEqualTo(1);
    }

    @Test
    @DisplayName("USR-02 another handshake (a resumed session, a reused connection) gets details of its own")
    void anotherHandshakeItsOwn() throws Exception {
        var session = new Session(null);
        var offers = offers("TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
        SSLSupport first = tls.getSSLSupport(session, offers);
        assertThat(first.getPeerCertificateChain()).isNull();
        assertThat(first.getRequestedCiphers()).isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");

        // the same connection object after a new handshake: new offers in the same map
        offers.put(SSLSupport.REQUESTED_CIPHERS_KEY, new ArrayList<>(List.of("TLS_AES_256_GCM_SHA384")));
        SSLSupport reused = tls.getSSLSupport(session, offers);
        assertThat(reused).isNotSameAs(first);
        assertThat(reused.getRequestedCiphers()).isEqualTo("TLS_AES_256_GCM_SHA384");

        // the session resumed on another connection
        SSLSupport other = tls.getSSLSupport(session, offers("TLSv1.2", "TLS_AES_128_GCM_SHA256"));
        assertThat(other).isNotSameAs(reused);
        assertThat(other.getRequestedCiphers()).isEqualTo("TLS_AES_128_GCM_SHA256");
    }

    private static Map<String, List<String>> offers(String protocol, String cipher) {
        Map<String, List<String>> offers = new HashMap<>();
        offers.put(SSLSupport.REQUESTED_PROTOCOL_VERSIONS_KEY, new ArrayList<>(List.of(protocol)));
        offers.put(SSLSupport.REQUESTED_CIPHERS_KEY, new ArrayList<>(List.of(cipher)));
        return offers;
    }

    /** A TLS session as JSSE gives one, with what the connector reads from it. */
    private static final class Session implements SSLSession {

        private final X509Certificate card;
        private final Map<String, Object> values = new HashMap<>();
        int peerCertificateCalls;

        Session(X509Certificate card) {
            this.card = card;
        }

        @Override
        public byte[] getId() {
            return new byte[] {1, 2, (byte) 0xff};
        }

        @Override
        public SSLSessionContext getSessionContext() {
            return null;
        }

        @Override
        public long getCreationTime() {
            return 0;
        }

        @Override
        public long getLastAccessedTime() {
            return 0;
        }

        @Override
        public void invalidate() {
        }

        @Override
        public boolean isValid() {
            return true;
        }

        @Override
        public void putValue(String name, Object value) {
            values.put(name, value);
        }

        @Override
        public Object getValue(String name) {
            return values.get(name);
        }

        @Override
        public void removeValue(String name) {
            values.remove(name);
        }

        @Override
        public String[] getValueNames() {
            return values.keySet().toArray(String[]::new);
        }

        @Override
        public Certificate[] getPeerCertificates() throws javax.net.ssl.SSLPeerUnverifiedException {
            peerCertificateCalls++;
            if (card == null) {
                throw new javax.net.ssl.SSLPeerUnverifiedException("no client certificate");
            }
            return new Certificate[] {card};
        }

        @Override
        public Certificate[] getLocalCertificates() {
            return null;
        }

        @Override
        public Principal getPeerPrincipal() {
            return card == null ? null : card.getSubjectX500Principal();
        }

        @Override
        public Principal getLocalPrincipal() {
            return null;
        }

        @Override
        public String getCipherSuite() {
            return "TLS_AES_128_GCM_SHA256";
        }

        @Override
        public String getProtocol() {
            return "TLSv1.3";
        }

        @Override
        public String getPeerHost() {
            return "localhost";
        }

        @Override
        public int getPeerPort() {
            return 0;
        }

        @Override
        public int getPacketBufferSize() {
            return 16_709;
        }

        @Override
        public int getApplicationBufferSize() {
            return 16_384;
        }
    }
}
