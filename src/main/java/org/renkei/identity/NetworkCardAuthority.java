package org.renkei.identity;

import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.renkei.identity.StaffDirectory.StaffProfile;
import org.renkei.platform.time.JapanTime;
import org.renkei.platform.web.InvalidInputException;
import org.renkei.platform.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The network's user PKI card CA (利用者カード, USR-02) as other features use it: issues card certificates that
 * authenticate only — to active users whose profession does not use an HPKI card — from a card's certificate
 * signing request or, for testing, as a PKCS#12 soft token; revokes them (USR-07) and publishes the new
 * revocation list at once. Every issued certificate is registered to its user in the card certificate registry,
 * which certificate login reads.
 */
@Service
public class NetworkCardAuthority {

    private static final Logger log = LoggerFactory.getLogger(NetworkCardAuthority.class);

    private final NetworkCa ca;
    private final NetworkCrls crls;
    private final NetworkCaStore store;
    private final CardCertificates certificates;
    private final StaffDirectory directory;
    private final CardHolders holders;
    private final NetworkCaProperties properties;
    private final Clock clock;
    private final String publicUrl;

    NetworkCardAuthority(NetworkCa ca, NetworkCrls crls, NetworkCaStore store, CardCertificates certificates,
            StaffDirectory directory, CardHolders holders, NetworkCaProperties properties, Clock clock,
            @Value("${renkei.public-url:https://localhost:8443}") String publicUrl) {
        this.ca = ca;
        this.crls = crls;
        this.store = store;
        this.certificates = certificates;
        this.directory = directory;
        this.holders = holders;
        this.properties = properties;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The CA's certificate: the trust anchor of every network card. */
    public X509Certificate caCertificate() {
        return ca.certificate();
    }

    /** The current revocation list. */
    public X509CRL currentCrl() {
        return crls.current();
    }

    /** Where the revocation list is published, as written into every card: {@code <public-url>/public/ca/crl}. */
    public String crlUrl() {
        return publicUrl + "/public/ca/crl";
    }

    /**
     * Issues a card certificate for the key of a PKCS#10 request (PEM) that a card made. Refused, before anything
     * is written, when the request is unreadable, its signature does not verify, its key is weak, or the user
     * may not have a network card.
     */
    @Transactional
    public X509Certificate issueFromCsr(UUID staffId, String csrPem, String actorText) {
        StaffProfile holder = eligible(staffId);
        return issue(holder, CardCsr.publicKeyOf(csrPem), actorText).certificate();
    }

    /** As {@link #issueFromCsr(UUID, String, String)}, for an uploaded file in PEM or DER. */
    @Transactional
    CardCertificate issueFromCsr(UUID staffId, byte[] csr, String actorText) {
        StaffProfile holder = eligible(staffId);
        return issue(holder, CardCsr.publicKeyOf(csr), actorText).card();
    }

    /**
     * A soft token for testing: the server makes the key pair, issues the certificate and returns key,
     * certificate and the CA's certificate as PKCS#12 protected by {@code password}. Neither key nor password is
     * kept.
     */
    @Transactional
    public byte[] issueSoftToken(UUID staffId, char[] password, String actorText) {
        return softToken(staffId, password, actorText).pkcs12();
    }

    record SoftToken(CardCertificate card, byte[] pkcs12) {
    }

    @Transactional
    SoftToken softToken(UUID staffId, char[] password, String actorText) {
        StaffProfile holder = eligible(staffId);
        KeyPair keys = NetworkCaCertificates.newKeyPair();
        Issued issued = issue(holder, keys.getPublic(), actorText);
        byte[] pkcs12 = SoftTokens.pkcs12(keys.getPrivate(), issued.certificate(), ca.certificate(),
                holder.displayName(), password);
        return new SoftToken(issued.card(), pkcs12);
    }

    /**
     * Revokes every valid network card of the user (on withdrawal, or before a re-issue) and, if there was any,
     * publishes a new revocation list in the same transaction. Returns how many were revoked.
     */
    @Transactional
    public int revokeAllOf(UUID staffId, CardRevocationReason reason, String actorText) {
        Instant now = clock.instant();
        int revoked = 0;
        for (CardCertificate card : validCardsOf(staffId)) {
            if (revokeOne(card, reason, actorText, now)) {
                revoked++;
            }
        }
        if (revoked > 0) {
            crls.publish();
        }
        return revoked;
    }

    /** Revokes one network card and publishes a new revocation list; false if it already was revoked. */
    @Transactional
    boolean revoke(UUID certificateId, CardRevocationReason reason, String actorText) {
        CardCertificate card = networkCard(certificateId);
        if (reason == null) {
            throw new InvalidInputException("ca.revoke.reason.missing");
        }
        if (!revokeOne(card, reason, actorText, clock.instant())) {
            return false;
        }
        crls.publish();
        return true;
    }

    /** Every card certificate registered to the user (network and HPKI), newest first. */
    List<CardCertificate> cardsOf(UUID staffId) {
        return certificates.ofStaff(staffId);
    }

    /** The user's network cards that are neither revoked nor expired. */
    List<CardCertificate> validCardsOf(UUID staffId) {
        Instant now = clock.instant();
        return certificates.ofStaff(staffId).stream()
                .filter(this::isNetworkCard)
                .filter(card -> !card.revoked() && card.notAfter().isAfter(now))
                .toList();
    }

    /** A certificate this CA issued, or not found. */
    CardCertificate networkCard(UUID certificateId) {
        return certificates.find(certificateId).filter(this::isNetworkCard)
                .orElseThrow(() -> new NotFoundException("card certificate"));
    }

    String revokedBy(UUID certificateId) {
        return store.revoker(certificateId).orElse(null);
    }

    boolean isNetworkCard(CardCertificate card) {
        return card.kind() == AuthLevel.USER_PKI_CARD && card.issuerDn().equals(ca.current().issuerDn());
    }

    /**
     * The user, if they may have a network card (USR-02): registered, active, and of a profession that does not
     * log in with an HPKI card (doctors and pharmacists do).
     */
    StaffProfile eligible(UUID staffId) {
        StaffProfile profile = directory.profile(staffId).orElseThrow(() -> new NotFoundException("staff member"));
        if (profile.profession() != null && profile.profession().usesHpkiCard()) {
            throw new InvalidInputException("ca.hpkiProfession");
        }
        if (!profile.active()) {
            throw new InvalidInputException("ca.notActive");
        }
        return profile;
    }

    private record Issued(CardCertificate card, X509Certificate certificate) {
    }

    private Issued issue(StaffProfile holder, PublicKey key, String actorText) {
        String facility = holders.facilityName(holder.facilityId()).orElse(holder.facilityId().toString());
        var subject = new CardSubject(holder.staffId(), holder.displayName(), facility);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant until = now.atZone(JapanTime.ZONE).plus(properties.cardValidity()).toInstant();
        X509Certificate certificate = NetworkCaCertificates.card(ca.current(), subject, key, now, until, crlUrl());
        CardCertificate card = certificates.register(holder.staffId(), AuthLevel.USER_PKI_CARD, certificate,
                actorText, now);
        log.info("Network card {} issued to staff {}", card.serialNumber(), holder.staffId());
        return new Issued(card, certificate);
    }

    private boolean revokeOne(CardCertificate card, CardRevocationReason reason, String actorText, Instant at) {
        if (!certificates.revoke(card.id(), reason.rfcName(), at)) {
            return false;
        }
        store.recordRevoker(card.id(), actorText);
        log.info("Network card {} of staff {} revoked ({})", card.serialNumber(), card.staffId(), reason.rfcName());
        return true;
    }
}
