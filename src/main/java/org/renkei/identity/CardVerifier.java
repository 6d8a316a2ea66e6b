package org.renkei.identity;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decides whether an IC-card certificate logs in, and as whom (USR-02). The checks run in this order and the
 * first that fails refuses the card with its {@link CardRefusal}: a PKIX path to the trust anchors of a {@link
 * CardIssuer} (JDK {@code CertPathBuilder}); the validity period of every certificate on the path; the
 * revocation list of the card's CA (the issuer's own, or fetched from the CRL distribution point; checked by the
 * JDK's PKIX revocation checker); the card's registration to a user; the facility's and the user's standing
 * (every {@link LoginEligibility}); and that the card fits the user's profession — an HPKI card only for doctors
 * and pharmacists, with the HPKI role of their registered profession, the network's card for everyone else.
 * Each refusal is logged at INFO with the certificate's fingerprint and serial number only.
 *
 * <p>API clients present their certificate on every request. A success is remembered for the certificate while
 * the {@link StandingVersion} stays the same (it changes with any card registration, staff member or facility, on
 * whichever node) and for at most {@code renkei.card.path-check-ttl}; a refusal never is.
 */
@Component
class CardVerifier {

    private static final Logger log = LoggerFactory.getLogger(CardVerifier.class);

    private final List<CardIssuer> issuers;
    private final CardCrls crls;
    private final CardCertificates cards;
    private final StaffDirectory staff;
    private final List<LoginEligibility> eligibility;
    private final boolean crlSoftFail;
    private final Duration pathCheckTtl;
    private final Map<String, CheckedPath> checkedPaths = new ConcurrentHashMap<>();
    private final Map<String, VerifiedCard> verifiedCards = new ConcurrentHashMap<>();
    private final StandingVersion standing;
    private final Clock clock;

    /** The most certificates whose path check is remembered at once; beyond, the memory starts afresh. */
    private static final int MAX_CHECKED_PATHS = 10_000;

    /** A card certificate whose path, validity and revocation passed, until when that is taken as still true. */
    private record CheckedPath(AuthLevel kind, Instant until) {
    }

    /**
     * What a certificate says by itself, the same on every request that presents it (API clients present it on every
     * request): its fingerprint and its HPKI roles. Kept per certificate (equal when their encodings are).
     */
    private record CardFacts(String fingerprint, List<String> hpkiRoles) {
    }

    private final Map<X509Certificate, CardFacts> cardFacts = new ConcurrentHashMap<>();

    /** A card that passed every check at a standing version, taken as passing them until then or a new version. */
    private record VerifiedCard(Verified verified, long standingVersion, Instant until) {
    }

    /** A card that may log in: the session's actor, and the registration it logged in with. */
    record Verified(Actor actor, CardCertificate registration) {
    }

    private record TrustedPath(CardIssuer issuer, CertPath path, TrustAnchor anchor) {

        X509Certificate issuerOfCard() {
            return path.getCertificates().size() > 1
                    ? (X509Certificate) path.getCertificates().get(1)
                    : anchor.getTrustedCert();
        }
    }

    CardVerifier(List<CardIssuer> issuers, CardCrls crls, CardCertificates cards, StaffDirectory staff,
            List<LoginEligibility> eligibility, CardSettings settings, StandingVersion standing, Clock clock) {
        this.issuers = issuers;
        this.crls = crls;
        this.cards = cards;
        this.staff = staff;
        this.eligibility = eligibility;
        this.crlSoftFail = settings.crl().softFail();
        this.pathCheckTtl = settings.pathCheckTtl();
        this.standing = standing;
        this.clock = clock;
    }

    /**
     * @param chain the client certificate first, then any CA certificates the client sent along
     * @throws CardRefusedException with the reason the card may not log in
     */
    Verified verify(X509Certificate[] chain) {
        return verify(chain, null);
    }

    /**
     * As {@link #verify(X509Certificate[])}, for an API request of a safe method: a card that passed every check at
     * the standing version this node read last is taken as passing without reading the version now; should the
     * request's confirmed version be another, {@code recheck} runs then (see {@link StandingVersion#tentativelyAt}).
     *
     * @param recheck null: the version is read now, as for any login
     */
    Verified verify(X509Certificate[] chain, Runnable recheck) {
        if (chain == null || chain.length == 0) {
            log.info("Card refused: {}: the connection carries no client certificate",
                    CardRefusal.NO_CERTIFICATE.code());
            throw new CardRefusedException(CardRefusal.NO_CERTIFICATE, "no client certificate");
        }
        X509Certificate card = chain[0];
        try {
            return verify(card, chain, clock.instant(), recheck);
        } catch (CardRefusedException e) {
            log.info("Card refused (certificate sha256 {}, serial {}): {}", CardCertificates.fingerprintOf(card),
                    CardCertificates.serialOf(card), e.getMessage());
            throw e;
        }
    }

    private CardFacts factsOf(X509Certificate card) {
        CardFacts known = cardFacts.get(card);
        if (known != null) {
            return known;
        }
        if (cardFacts.size() >= MAX_CHECKED_PATHS) {
            cardFacts.clear();
        }
        CardFacts facts = new CardFacts(CardCertificates.fingerprintOf(card), List.copyOf(Hpki.roles(card)));
        cardFacts.put(card, facts);
        return facts;
    }

    private Verified verify(X509Certificate card, X509Certificate[] chain, Instant now, Runnable recheck) {
        CardFacts facts = factsOf(card);
        String fingerprint = facts.fingerprint();
        VerifiedCard known = verifiedCards.get(fingerprint);
        if (recheck != null && known != null && !pathCheckTtl.isZero() && now.isBefore(known.until())
                && standing.tentativelyAt(known.standingVersion(), recheck)) {
            return known.verified();
        }
        // read before the checks: a change committed while they run makes the next request check again
        long standingVersion = pathCheckTtl.isZero() ? 0 : standing.current();
        if (known != null && known.standingVersion() == standingVersion && now.isBefore(known.until())) {
            return known.verified();
        }
        AuthLevel kind = checkedPath(card, chain, fingerprint, now);

        CardCertificate registration = cards.findByFingerprint(fingerprint)
                .orElseThrow(() -> refuse(CardRefusal.UNKNOWN_CERTIFICATE, "not registered"));
        if (registration.revoked()) {
            throw refuse(CardRefusal.REGISTRATION_REVOKED, "registration " + registration.id() + " revoked "
                    + registration.revokedAt() + " (" + registration.revocationReason() + ")");
        }

        StaffDirectory.StaffProfile profile = staff.profile(registration.staffId())
                .orElseThrow(() -> refuse(CardRefusal.USER_NOT_ACTIVE, "staff " + registration.staffId()
                        + " unknown"));
        Actor actor = new Actor(registration.id(), profile.staffId().toString(), profile.displayName(), kind,
                Actor.AccountKind.STAFF, profile.facilityId(), profile.staffId(), profile.profession());
        checkStanding(actor, profile);
        checkCardFitsProfession(facts, registration, kind, profile.profession());
        var verified = new Verified(actor, registration);
        CheckedPath path = checkedPaths.get(fingerprint);
        if (path != null && !pathCheckTtl.isZero()) {
            if (verifiedCards.size() >= MAX_CHECKED_PATHS) {
                verifiedCards.clear();
            }
            verifiedCards.put(fingerprint, new VerifiedCard(verified, standingVersion, path.until()));
        }
        return verified;
    }

    /**
     * The PKI part of the checks — a trusted path, validity, revocation — done again only when the last success
     * for this certificate is older than {@code renkei.card.path-check-ttl} (API clients present their certificate
     * on every request). A refusal is never remembered.
     *
     * @return the kind of card (which issuer's)
     */
    private AuthLevel checkedPath(X509Certificate card, X509Certificate[] chain, String fingerprint, Instant now) {
        CheckedPath known = checkedPaths.get(fingerprint);
        if (known != null && now.isBefore(known.until())) {
            return known.kind();
        }
        TrustedPath trusted = trustedPath(card, chain, now)
                .orElseThrow(() -> refuse(CardRefusal.UNTRUSTED_ISSUER, "no path to the anchors of " + issuers));
        checkValidity(trusted, now);
        checkRevocation(card, trusted, now);
        if (!pathCheckTtl.isZero()) {
            if (checkedPaths.size() >= MAX_CHECKED_PATHS) {
                checkedPaths.clear();
            }
            Instant until = now.plus(pathCheckTtl);
            Instant notAfter = card.getNotAfter().toInstant();
            checkedPaths.put(fingerprint, new CheckedPath(trusted.issuer().kind(),
                    until.isAfter(notAfter) ? notAfter : until));
        }
        return trusted.issuer().kind();
    }

    /** A PKIX path from the card to the trust anchors of one of the issuers, built at a time the card is valid. */
    private Optional<TrustedPath> trustedPath(X509Certificate card, X509Certificate[] chain, Instant now) {
        Date at = Date.from(within(now, card));
        for (CardIssuer issuer : issuers) {
            Set<TrustAnchor> anchors = new LinkedHashSet<>();
            issuer.trustAnchors().forEach(anchor -> anchors.add(new TrustAnchor(anchor, null)));
            if (anchors.isEmpty()) {
                continue;
            }
            try {
                var target = new X509CertSelector();
                target.setCertificate(card);
                var parameters = new PKIXBuilderParameters(anchors, target);
                parameters.setRevocationEnabled(false);
                parameters.setPolicyQualifiersRejected(false);
                parameters.setDate(at);
                parameters.addCertStore(CertStore.getInstance("Collection",
                        new CollectionCertStoreParameters(Arrays.asList(chain))));
                var result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(parameters);
                return Optional.of(new TrustedPath(issuer, result.getCertPath(), result.getTrustAnchor()));
            } catch (CertPathBuilderException e) {
                // not this issuer's card
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("PKIX is not available", e);
            }
        }
        return Optional.empty();
    }

    private static Instant within(Instant now, X509Certificate card) {
        Instant notBefore = card.getNotBefore().toInstant();
        Instant notAfter = card.getNotAfter().toInstant();
        return now.isBefore(notBefore) ? notBefore : now.isAfter(notAfter) ? notAfter : now;
    }

    private static void checkValidity(TrustedPath trusted, Instant now) {
        for (var certificate : trusted.path().getCertificates()) {
            try {
                ((X509Certificate) certificate).checkValidity(Date.from(now));
            } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                var x509 = (X509Certificate) certificate;
                throw refuse(CardRefusal.OUTSIDE_VALIDITY, "valid " + x509.getNotBefore().toInstant() + " to "
                        + x509.getNotAfter().toInstant());
            }
        }
    }

    /** The card (not its CAs) must not be on its CA's current revocation list. */
    private void checkRevocation(X509Certificate card, TrustedPath trusted, Instant now) {
        Optional<X509CRL> crl = crls.crlFor(card, trusted.issuerOfCard(), trusted.issuer());
        if (crl.isEmpty()) {
            if (crlSoftFail) {
                log.warn("No CRL for card certificate sha256 {}: let in (renkei.card.crl.soft-fail)",
                        CardCertificates.fingerprintOf(card));
                return;
            }
            throw refuse(CardRefusal.CRL_UNAVAILABLE, "no CRL from the issuer or a distribution point "
                    + CardCrls.distributionPoints(card));
        }
        try {
            var validator = CertPathValidator.getInstance("PKIX");
            var checker = (PKIXRevocationChecker) validator.getRevocationChecker();
            checker.setOptions(EnumSet.of(PKIXRevocationChecker.Option.ONLY_END_ENTITY,
                    PKIXRevocationChecker.Option.PREFER_CRLS, PKIXRevocationChecker.Option.NO_FALLBACK));
            var parameters = new PKIXParameters(Set.of(trusted.anchor()));
            parameters.setRevocationEnabled(false);
            parameters.setPolicyQualifiersRejected(false);
            parameters.setDate(Date.from(now));
            parameters.addCertPathChecker(checker);
            parameters.addCertStore(CertStore.getInstance("Collection",
                    new CollectionCertStoreParameters(List.of(crl.get()))));
            validator.validate(trusted.path(), parameters);
        } catch (CertPathValidatorException e) {
            if (e.getReason() == CertPathValidatorException.BasicReason.REVOKED) {
                throw refuse(CardRefusal.REVOKED, "on the CRL of " + CardCertificates.issuerOf(card));
            }
            if (crlSoftFail) {
                log.warn("CRL for card certificate sha256 {} not usable ({}): let in (renkei.card.crl.soft-fail)",
                        CardCertificates.fingerprintOf(card), e.getMessage());
                return;
            }
            throw refuse(CardRefusal.CRL_UNAVAILABLE, "CRL not usable: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PKIX is not available", e);
        }
    }

    /**
     * The facility first (when it withdrew, its users did too, and the facility is the reason), then the user as
     * the staff registry and every other feature see them. Every feature is asked about the user first; only when
     * one stands against it are they asked about the facility alone, to give the facility as the reason if it is.
     */
    private void checkStanding(Actor actor, StaffDirectory.StaffProfile profile) {
        if (profile.active() && ActorStandingFilter.refusal(eligibility, actor).isEmpty()) {
            return;
        }
        Actor ofFacility = new Actor(actor.accountId(), actor.username(), actor.displayName(), actor.authLevel(),
                actor.kind(), actor.facilityId());
        Optional<String> facility = ActorStandingFilter.refusal(eligibility, ofFacility);
        if (facility.isPresent()) {
            throw refuse(CardRefusal.FACILITY_NOT_ACTIVE, "facility " + profile.facilityId() + ": "
                    + facility.get());
        }
        if (!profile.active()) {
            throw refuse(CardRefusal.USER_NOT_ACTIVE, "staff " + profile.staffId() + " not active");
        }
        Optional<String> user = ActorStandingFilter.refusal(eligibility, actor);
        if (user.isPresent()) {
            throw refuse(CardRefusal.USER_NOT_ACTIVE, "staff " + profile.staffId() + ": " + user.get());
        }
    }

    /** USR-02: doctors and pharmacists log in with the HPKI card of their profession, everyone else not. */
    private static void checkCardFitsProfession(CardFacts card, CardCertificate registration, AuthLevel kind,
            Profession profession) {
        if (registration.kind() != kind) {
            throw refuse(CardRefusal.WRONG_CARD_KIND, "registered as " + registration.kind() + ", issued by a "
                    + kind + " issuer");
        }
        if (kind == AuthLevel.HPKI_CARD) {
            if (!profession.usesHpkiCard()) {
                throw refuse(CardRefusal.WRONG_CARD_KIND, "HPKI card for a " + profession);
            }
            if (!Hpki.fits(card.hpkiRoles(), profession)) {
                throw refuse(CardRefusal.WRONG_ROLE, "HPKI roles " + card.hpkiRoles() + " for a " + profession);
            }
        } else if (profession.usesHpkiCard()) {
            throw refuse(CardRefusal.WRONG_CARD_KIND, kind + " card for a " + profession);
        }
    }

    private static CardRefusedException refuse(CardRefusal refusal, String detail) {
        return new CardRefusedException(refusal, detail);
    }
}
