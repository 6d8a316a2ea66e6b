package org.renkei.identity;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.renkei.platform.web.InvalidInputException;
import org.renkei.platform.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operator registers a doctor's or pharmacist's HPKI card certificate to the user (USR-02), and revokes a
 * registration at once when a card is lost (USR-07): the card's sessions end and it logs in no more.
 */
@Service
class CardRegistrations {

    private static final Logger log = LoggerFactory.getLogger(CardRegistrations.class);

    /** Why a registration is revoked. */
    static final Set<String> REVOCATION_REASONS = Set.of("lost", "stolen", "damaged", "replaced", "other");

    private final CardCertificates cards;
    private final StaffDirectory staff;
    private final Clock clock;

    private final NetworkCardAuthority networkCards;

    CardRegistrations(CardCertificates cards, StaffDirectory staff, NetworkCardAuthority networkCards, Clock clock) {
        this.cards = cards;
        this.staff = staff;
        this.networkCards = networkCards;
        this.clock = clock;
    }

    StaffDirectory.StaffProfile profile(UUID staffId) {
        return staff.profile(staffId).orElseThrow(() -> new NotFoundException("staff " + staffId));
    }

    List<CardCertificate> ofStaff(UUID staffId) {
        return cards.ofStaff(staffId);
    }

    /**
     * Registers an uploaded HPKI card certificate (PEM or DER) after checking it: it can be read, it is valid
     * now, the user's profession logs in with an HPKI card, and its HPKI role is that profession. Whether it
     * chains to a trusted HPKI CA is checked at every login.
     */
    @Transactional
    CardCertificate registerHpki(UUID staffId, byte[] upload, Actor operator) {
        StaffDirectory.StaffProfile profile = profile(staffId);
        if (!profile.profession().usesHpkiCard()) {
            throw new InvalidInputException("card.register.notHpkiProfession");
        }
        X509Certificate certificate = parse(upload);
        Instant now = clock.instant();
        if (now.isAfter(certificate.getNotAfter().toInstant()) || now.isBefore(certificate.getNotBefore().toInstant())) {
            throw new InvalidInputException("card.register.outsideValidity");
        }
        List<String> roles = Hpki.roles(certificate);
        if (roles.isEmpty()) {
            throw new InvalidInputException("card.register.noRole");
        }
        if (!Hpki.fits(certificate, profile.profession())) {
            throw new InvalidInputException("card.register.wrongRole", String.join(", ", roles));
        }
        if (cards.findByFingerprint(CardCertificates.fingerprintOf(certificate)).isPresent()
                || cards.findByIssuerAndSerial(CardCertificates.issuerOf(certificate),
                        CardCertificates.serialOf(certificate)).isPresent()) {
            throw new InvalidInputException("card.register.duplicate");
        }
        CardCertificate card = cards.register(staffId, AuthLevel.HPKI_CARD, certificate, by(operator), now);
        log.info("HPKI card certificate registered to staff {} by {}: registration {}, sha256 {}, serial {}",
                staffId, operator.username(), card.id(), card.fingerprintSha256(), card.serialNumber());
        return card;
    }

    /** Revokes a registration of this user's; false when it was revoked already. */
    @Transactional
    boolean revoke(UUID staffId, UUID cardId, String reason, Actor operator) {
        CardCertificate card = cards.find(cardId).filter(c -> c.staffId().equals(staffId))
                .orElseThrow(() -> new NotFoundException("card " + cardId));
        if (reason == null || !REVOCATION_REASONS.contains(reason)) {
            throw new InvalidInputException("card.revoke.reasonRequired");
        }
        boolean revoked = card.kind() == AuthLevel.USER_PKI_CARD
                ? networkCards.revoke(card.id(), networkReason(reason), operator.username())
                : cards.revoke(card.id(), reason, clock.instant());
        if (revoked) {
            log.info("Card registration {} of staff {} revoked by {} ({}): sha256 {}", card.id(), staffId,
                    operator.username(), reason, card.fingerprintSha256());
        }
        return revoked;
    }

    /**
     * A network card revoked from this page is revoked by the network's CA, so its revocation list is published
     * at once, with the RFC 5280 reason that fits.
     */
    private static CardRevocationReason networkReason(String reason) {
        return switch (reason) {
            case "lost", "stolen" -> CardRevocationReason.KEY_COMPROMISE;
            case "damaged", "replaced" -> CardRevocationReason.SUPERSEDED;
            default -> CardRevocationReason.UNSPECIFIED;
        };
    }

    private static X509Certificate parse(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw new InvalidInputException("card.register.fileRequired");
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(upload));
        } catch (CertificateException | ClassCastException e) {
            throw new InvalidInputException("card.register.unreadable");
        }
    }

    private static String by(Actor actor) {
        return actor.displayName() + " (" + actor.username() + ")";
    }
}
