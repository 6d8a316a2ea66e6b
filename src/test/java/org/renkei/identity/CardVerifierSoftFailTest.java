package org.renkei.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The CRL setting {@code renkei.card.crl.soft-fail}, on a verifier built by hand (no Spring context). */
class CardVerifierSoftFailTest {

    private final TestCards.TestCa ca = TestCards.untrustedCa();
    private final TestCards.Card card = ca.card().crlUrl(TestCards.missingCrlUrl()).issue();
    private final UUID doctor = UUID.randomUUID();
    private long standingVersion = 1;
    private final UUID facility = UUID.randomUUID();

    private CardVerifier verifier(boolean softFail) {
        var settings = new CardSettings(new CardSettings.Anchors(List.of()), new CardSettings.Anchors(List.of()),
                new CardSettings.Crl(softFail, Duration.ofHours(1), Duration.ofSeconds(5), DataSize.ofMegabytes(1)),
                new CardSettings.DemoCa(Path.of("target", "unused")), Duration.ZERO);
        CardIssuer issuer = new CardIssuer() {
            @Override
            public AuthLevel kind() {
                return AuthLevel.HPKI_CARD;
            }

            @Override
            public List<X509Certificate> trustAnchors() {
                return List.of(ca.certificate);
            }
        };
        var registration = new CardCertificate(UUID.randomUUID(), doctor, AuthLevel.HPKI_CARD, "", "", "",
                CardCertificates.fingerprintOf(card.certificate()), Instant.now(), Instant.now(), new byte[0],
                Instant.now(), "test", null, null, false);
        var cards = new CardCertificates(null) {
            @Override
            Optional<CardCertificate> findByFingerprint(String fingerprint) {
                return Optional.of(registration).filter(r -> r.fingerprintSha256().equals(fingerprint));
            }
        };
        StaffDirectory staff = id -> Optional.of(new StaffDirectory.StaffProfile(id, facility, "試験 医師",
                Profession.DOCTOR, true));
        Clock clock = Clock.systemUTC();
        return new CardVerifier(List.of(issuer), new CardCrls(settings, clock), cards, staff, List.of(),
                settings, () -> standingVersion, clock);
    }

    @Test
    @DisplayName("USR-02 a card whose CRL cannot be had is refused by default, let in with renkei.card.crl.soft-fail")
    void softFail() {
        X509Certificate[] chain = {card.certificate()};

        assertThatThrownBy(() -> verifier(false).verify(chain)).isInstanceOfSatisfying(CardRefusedException.class,
                e -> assertThat(e.refusal()).isEqualTo(CardRefusal.CRL_UNAVAILABLE));

        Actor actor = verifier(true).verify(chain).actor();
        assertThat(actor.authLevel()).isEqualTo(AuthLevel.HPKI_CARD);
        assertThat(actor.staffId()).isEqualTo(doctor);
        assertThat(actor.facilityId()).isEqualTo(facility);
    }
}
