package org.renkei.identity;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * On the first start (no operator account yet) creates the first operator account: with the password from
 * {@code renkei.operator.initial-password} when set, otherwise a random one printed once to the console (never
 * to the log) and changed at the first login. The operator's staff log in with a second factor, enrolled at the
 * first login — unless {@code renkei.operator.initial-totp-secret} (Base32) gives one beforehand, as the test and
 * demo profiles do.
 */
@Component
@Order(0)
class FirstOperatorAccount implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstOperatorAccount.class);

    private final LoginAccounts accounts;
    private final SecondFactor secondFactor;
    private final String username;
    private final String password;
    private final String totpSecret;

    FirstOperatorAccount(LoginAccounts accounts, SecondFactor secondFactor,
            @Value("${renkei.operator.initial-username:operator}") String username,
            @Value("${renkei.operator.initial-password:}") String password,
            @Value("${renkei.operator.initial-totp-secret:}") String totpSecret) {
        this.accounts = accounts;
        this.secondFactor = secondFactor;
        this.username = username;
        this.password = password;
        this.totpSecret = totpSecret;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.countOperators() > 0) {
            return;
        }
        boolean generated = !StringUtils.hasText(password);
        String initial = generated ? accounts.randomPassword() : password;
        UUID id = accounts.create(username, "運営事務局", initial, AccountType.OPERATOR, null, generated);
        if (StringUtils.hasText(totpSecret)) {
            secondFactor.enrolKnownSecret(id, Totp.fromBase32(totpSecret));
        }
        log.info("First operator account '{}' created", username);
        if (generated) {
            System.out.println("""

                    ================================================================
                     Renkei: first operator account created
                       ID:       %s
                       password: %s
                     This password is shown only now. At the first login, set your
                     own password and enrol an authenticator app (second factor).
                    ================================================================
                    """.formatted(username, initial));
        }
    }
}
