package org.renkei.identity;

import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.renkei.identity.NetworkCaCertificates.Revoked;
import org.renkei.identity.NetworkCaStore.StoredCrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The CA's revocation lists: a new one on every revocation (in the revoking transaction, so a revoked card is
 * on the served list the moment the revocation commits) and whenever half of {@code renkei.ca.crl-interval}
 * has passed since the last (checked at start-up and at a quarter past every hour). Numbered one after another
 * under a lock on the CA's row, so several nodes never publish two lists with the same number.
 */
@Component
class NetworkCrls {

    private static final Logger log = LoggerFactory.getLogger(NetworkCrls.class);

    private final NetworkCa ca;
    private final NetworkCaStore store;
    private final CardCertificates certificates;
    private final NetworkCaProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private volatile Cached cached;

    private record Cached(long number, X509CRL crl) {
    }

    NetworkCrls(NetworkCa ca, NetworkCaStore store, CardCertificates certificates, NetworkCaProperties properties,
            TransactionTemplate transactions, Clock clock) {
        this.ca = ca;
        this.store = store;
        this.certificates = certificates;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(1)
    void atStart() {
        refreshIfDue();
    }

    @Scheduled(cron = "0 15 * * * *", zone = "Asia/Tokyo")
    void hourly() {
        refreshIfDue();
    }

    /** Publishes a new list if there is none yet or half of the interval has passed; returns it if it did. */
    Optional<X509CRL> refreshIfDue() {
        return transactions.execute(tx -> {
            CaMaterial current = ca.current();
            store.lock(current.id());
            Instant now = clock.instant();
            Optional<StoredCrl> latest = store.latestCrlHeader(current.id());
            Instant due = latest.map(l -> l.thisUpdate().plus(properties.crlInterval().dividedBy(2))).orElse(now);
            if (now.isBefore(due)) {
                return Optional.empty();
            }
            return Optional.of(publish());
        });
    }

    /**
     * Builds, signs and stores a new list of every certificate of the CA revoked so far. Runs inside the caller's
     * transaction (the revocation's), or a new one.
     */
    X509CRL publish() {
        return transactions.execute(tx -> {
            CaMaterial current = ca.current();
            store.lock(current.id());
            long number = store.lastCrlNumber(current.id()) + 1;
            Instant thisUpdate = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            Instant nextUpdate = thisUpdate.plus(properties.crlInterval());
            List<Revoked> revoked = certificates.revokedBy(current.issuerDn()).stream()
                    .map(c -> new Revoked(new BigInteger(c.serialNumber(), 16), c.revokedAt(),
                            CardRevocationReason.ofStored(c.revocationReason()).code()))
                    .toList();
            X509CRL crl = NetworkCaCertificates.crl(current, number, thisUpdate, nextUpdate, revoked);
            try {
                store.insertCrl(current.id(), new StoredCrl(number, thisUpdate, nextUpdate, crl.getEncoded()));
            } catch (java.security.cert.CRLException e) {
                throw new IllegalStateException("CRL could not be encoded", e);
            }
            log.info("Network CA revocation list {} published ({} revoked)", number, revoked.size());
            return crl;
        });
    }

    /** The list to serve: the newest published one, or a fresh one if none is current any more. */
    X509CRL current() {
        CaMaterial current = ca.current();
        Optional<StoredCrl> latest = store.latestCrlHeader(current.id());
        if (latest.isEmpty() || !clock.instant().isBefore(latest.get().nextUpdate())) {
            return refreshIfDue().orElseGet(this::current);
        }
        Cached known = cached;
        if (known != null && known.number() == latest.get().number()) {
            return known.crl();
        }
        X509CRL crl = Pki.crl(store.crl(current.id(), latest.get().number()).orElseThrow().der());
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // only committed lists are kept: one read inside a transaction may yet be rolled back
            cached = new Cached(latest.get().number(), crl);
        }
        return crl;
    }
}
