package org.renkei.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of IC-card login ({@code renkei.card.*}).
 *
 * @param hpki the HPKI certificate authorities trusted for doctors' and pharmacists' cards
 * @param userPki certificate authorities of the network's user cards run outside Renkei (Renkei's own CA needs
 *         no setting)
 * @param crl how revocation lists are fetched
 * @param demoCa the demo HPKI CA (profile {@code demo} only)
 * @param pathCheckTtl how long a card certificate's successful path, validity and CRL check is remembered (by the
 *         certificate's fingerprint); with it, the whole success while no card registration, user or facility
 *         changed anywhere ({@link StandingVersion}). {@code 0s} checks everything on every request.
 */
@ConfigurationProperties("renkei.card")
record CardSettings(@DefaultValue Anchors hpki, @DefaultValue Anchors userPki, @DefaultValue Crl crl,
        @DefaultValue DemoCa demoCa, @DefaultValue("60s") Duration pathCheckTtl) {

    /** @param trustAnchors PEM or DER certificate files, or folders of them; read again when they change */
    record Anchors(@DefaultValue List<Path> trustAnchors) {
    }

    /**
     * @param softFail let a card in when its CRL cannot be had (default: refuse)
     * @param cacheTtl how long a fetched CRL is used before it is fetched again (never past its nextUpdate)
     * @param timeout connect and read timeout of one fetch
     * @param maxSize the largest CRL accepted
     */
    record Crl(@DefaultValue("false") boolean softFail, @DefaultValue("1h") Duration cacheTtl,
            @DefaultValue("10s") Duration timeout, @DefaultValue("32MB") DataSize maxSize) {
    }

    /** @param directory where the demo CA's key and certificate are kept */
    record DemoCa(@DefaultValue("data/demo-hpki-ca") Path directory) {
    }
}
