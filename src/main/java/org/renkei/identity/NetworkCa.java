package org.renkei.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.renkei.identity.NetworkCaStore.StoredCa;
import org.renkei.platform.time.JapanTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The network's user card CA itself: created on the first start of an empty database (a P-256 key and a
 * self-signed certificate valid {@code renkei.ca.ca-validity}), stored with its key encrypted under {@code
 * renkei.ca.key-passphrase}, and loaded by every node. Two nodes starting together create one CA: creation runs
 * under a database advisory lock and looks again once it holds it.
 */
@Component
class NetworkCa {

    private static final Logger log = LoggerFactory.getLogger(NetworkCa.class);

    private final NetworkCaStore store;
    private final NetworkCaProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private volatile CaMaterial material;

    NetworkCa(NetworkCaStore store, NetworkCaProperties properties, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactions.getTransactionManager());
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Before anything else runs (demo data, the first request), the CA exists and its key opens. */
    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    void atStart() {
        CaMaterial ca = current();
        log.info("Network user card CA: {} (valid until {})", ca.issuerDn(),
                JapanTime.dateTime(ca.certificate().getNotAfter().toInstant()));
    }

    /** The CA, loaded (or created) once and then kept in memory. */
    CaMaterial current() {
        CaMaterial loaded = material;
        if (loaded == null) {
            synchronized (this) {
                loaded = material;
                if (loaded == null) {
                    loaded = initialise();
                    material = loaded;
                }
            }
        }
        return loaded;
    }

    X509Certificate certificate() {
        return current().certificate();
    }

    /**
     * Loads the current CA from the database, creating it first if there is none; always the same CA once one
     * exists. Runs in a transaction of its own.
     */
    CaMaterial initialise() {
        return transactions.execute(tx -> {
            Optional<StoredCa> stored = store.current();
            if (stored.isEmpty()) {
                store.lockForCreation();
                stored = store.current();
            }
            return open(stored.orElseGet(this::create));
        });
    }

    private StoredCa create() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant until = now.atZone(JapanTime.ZONE).plus(properties.caValidity()).toInstant();
        KeyPair keys = NetworkCaCertificates.newKeyPair();
        X509Certificate certificate = NetworkCaCertificates.selfSigned(keys,
                NetworkCaCertificates.caName(properties.organization()), now, until);
        var ca = new StoredCa(UUID.randomUUID(), CardCertificates.subjectOf(certificate), Pki.der(certificate),
                CaKeyProtection.encrypt(keys.getPrivate(), properties.passphrase()), now);
        store.insert(ca);
        log.info("Network user card CA created: {} ({})", ca.subjectDn(), ca.id());
        return ca;
    }

    private CaMaterial open(StoredCa stored) {
        X509Certificate certificate = Pki.certificate(stored.certificate());
        PrivateKey key = CaKeyProtection.decrypt(stored.encryptedKey(), properties.passphrase());
        requireKeyOf(certificate, key);
        return new CaMaterial(stored.id(), certificate, key, CardCertificates.subjectOf(certificate));
    }

    /** The stored key must be the certificate's: a test signature proves it before anything is signed. */
    private static void requireKeyOf(X509Certificate certificate, PrivateKey key) {
        try {
            byte[] challenge = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(NetworkCaCertificates.SIGNATURE_ALGORITHM, Pki.BC);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(NetworkCaCertificates.SIGNATURE_ALGORITHM, Pki.BC);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            if (!verifier.verify(signature)) {
                throw new IllegalStateException("The network CA's stored key does not belong to its certificate");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The network CA's stored key cannot sign", e);
        }
    }
}
