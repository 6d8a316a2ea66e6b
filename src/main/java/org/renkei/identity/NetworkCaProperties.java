package org.renkei.identity;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the network's user card CA ({@code renkei.ca.*}).
 *
 * @param organization the operator's name, written as O= in the CA's name when the CA is first created
 * @param keyPassphrase encrypts the CA's private key in the database; every node needs the same one
 * @param cardValidity how long a user card certificate is valid
 * @param crlInterval from a revocation list's thisUpdate to its nextUpdate; a new one is published on every
 *     revocation and when half of this has passed
 * @param caValidity how long the CA's own certificate is valid (when it is created)
 */
@ConfigurationProperties("renkei.ca")
record NetworkCaProperties(
        @DefaultValue("Renkei Network Operator") String organization,
        String keyPassphrase,
        @DefaultValue("P3Y") Period cardValidity,
        @DefaultValue("1d") Duration crlInterval,
        @DefaultValue("P10Y") Period caValidity) {

    char[] passphrase() {
        return keyPassphrase == null ? new char[0] : keyPassphrase.toCharArray();
    }

    @Override
    public String toString() {
        return "NetworkCaProperties[organization=" + organization + ", cardValidity=" + cardValidity
                + ", crlInterval=" + crlInterval + ", caValidity=" + caValidity + "]";
    }
}
