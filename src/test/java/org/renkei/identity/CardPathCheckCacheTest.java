package org.renkei.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class CardPathCheckCacheTest {

    private final TestCards.TestCa ca = TestCards.untrustedCa();
    private final TestCards.Card card = ca.card().issue();
    private final UUID doctor = UUID.randomUUID();
    private long standingVersion = 1;
    private final AtomicInteger crlReads = new AtomicInteger();
    private final AtomicInteger registrationReads = new AtomicInteger();
    private boolean revoked;
    private Instant now = Instant.now();

    private CardVerifier verifier(Duration ttl) {
        var settings = new CardSettings(new CardSettings.Anchors(List.of()), new CardSettings.Anchors(List.of()),
                new CardSettings.Crl(false, Duration.ofHours(1), Duration.ofSeconds(5), DataSize.ofMegabytes(1)),
                new CardSettings.DemoCa(Path.of("target", "unused")), ttl);
        CardIssuer issuer = new CardIssuer() {
            @Override
            public AuthLevel kind() {
                return AuthLevel.HPKI_CARD;
            }

            @Override
            public List<X509Certificate> trustAnchors() {
                return List.of(ca.certificate);
            }

            @Override
            public Optional<X509CRL> currentCrl(X509Certificate issuerCertificate) {
                crlReads.incrementAndGet();
                return Optional.of(ca.crl());
            }
        };
        var cards = new CardCertificates(null) {
            @Override
            Optional<CardCertificate> findByFingerprint(String fingerprint) {
                registrationReads.incrementAndGet();
                var registration = new CardCertificate(UUID.randomUUID(), doctor, AuthLevel.HPKI_CARD, "", "", "",
                        CardCertificates.fingerprintOf(card.certificate()), Instant.now(), Instant.now(),
                        new byte[0], Instant.now(), "test", revoked ? Instant.now() : null,
                        revoked ? "keyCompromise" : null, false);
                return Optional.of(registration).filter(r -> r.fingerprintSha256().equals(fingerprint));
            }
        };
        StaffDirectory staff = id -> Optional.of(new StaffDirectory.StaffProfile(id, UUID.randomUUID(), "試験 医師",
                Profession.DOCTOR, true));
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return new CardVerifier(List.of(issuer), new CardCrls(settings, clock), cards, staff, List.of(),
                settings, () -> standingVersion, clock);
    }

    @Test
    @DisplayName("USR-02 a card's path and CRL check is remembered for the configured time, then done again and a CA revocation refuses it")
    void rememberedThenCheckedAgain() {
        CardVerifier verifier = verifier(Duration.ofSeconds(60));
        X509Certificate[] chain = {card.certificate()};

        assertThat(verifier.verify(chain).actor().staffId()).isEqualTo(doctor);
        assertThat(verifier.verify(chain).actor().staffId()).isEqualTo(doctor);
        assertThat(crlReads).hasValue(1);

        ca.revoke(card.certificate());
        now = now.plusSeconds(30);
        assertThat(verifier.verify(chain).actor().staffId()).as("still remembered").isEqualTo(doctor);
        now = now.plusSeconds(31);
        assertThatThrownBy(() -> verifier.verify(chain)).isInstanceOfSatisfying(CardRefusedException.class,
                e -> assertThat(e.refusal()).isEqualTo(CardRefusal.REVOKED));
    }

    @Test
    @DisplayName("USR-02 with renkei.card.path-check-ttl 0s every request checks the path and the CRL")
    void notRemembered() {
        CardVerifier verifier = verifier(Duration.ZERO);
        X509Certificate[] chain = {card.certificate()};
        verifier.verify(chain);
        verifier.verify(chain);
        assertThat(crlReads).hasValue(2);
    }

    @Test
    @DisplayName("USR-07 a remembered card is checked again as soon as the standing version changes: a revoked registration refuses the next request")
    void standingVersionEndsTheMemory() {
        CardVerifier verifier = verifier(Duration.ofSeconds(60));
        X509Certificate[] chain = {card.certificate()};
        verifier.verify(chain);
        verifier.verify(chain);
        assertThat(registrationReads).as("the second request rests on the first one's checks").hasValue(1);

        revoked = true;
        assertThat(verifier.verify(chain).actor().staffId()).as("nothing counted the version up yet")
                .isEqualTo(doctor);
        standingVersion++;
        assertThatThrownBy(() -> verifier.verify(chain)).isInstanceOfSatisfying(CardRefusedException.class,
                e -> assertThat(e.refusal()).isEqualTo(CardRefusal.REGISTRATION_REVOKED));
        assertThat(registrationReads).hasValue(2);
    }
}
