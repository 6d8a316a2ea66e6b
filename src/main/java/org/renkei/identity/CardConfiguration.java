package org.renkei.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The card issuers Renkei trusts from configuration: HPKI CAs, and an external CA of the network's cards. */
@Configuration(proxyBeanMethods = false)
class CardConfiguration {

    @Bean
    CardIssuer hpkiTrustAnchors(CardSettings settings) {
        return new TrustAnchorFiles(AuthLevel.HPKI_CARD, settings.hpki().trustAnchors());
    }

    @Bean
    CardIssuer userCardTrustAnchors(CardSettings settings) {
        return new TrustAnchorFiles(AuthLevel.USER_PKI_CARD, settings.userPki().trustAnchors());
    }
}
