package org.renkei.identity;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The password and lockout rules that an operator may tune ({@code renkei.login.*}).
 *
 * @param passwordMaxAge a password is changed at least this often (USR-05: 2 months); a login after that goes
 *         straight to the change page
 * @param passwordHistory how many recent passwords (the current one included) may not be taken again
 * @param maxFailedAttempts wrong passwords or codes in a row that lock the account (ACC-01)
 * @param lockoutDuration how long a locked account refuses every login, unless the support centre unlocks it
 * @param totpKey the AES key (Base64, 128 or 256 bits) that seals the stored TOTP secrets; production sets its
 *         own
 */
@ConfigurationProperties("renkei.login")
record LoginSettings(@DefaultValue("P2M") Period passwordMaxAge, @DefaultValue("5") int passwordHistory,
        @DefaultValue("5") int maxFailedAttempts, @DefaultValue("30m") Duration lockoutDuration, String totpKey) {
}
