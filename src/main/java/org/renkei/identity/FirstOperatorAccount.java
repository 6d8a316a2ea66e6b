package org.renkei.identity;

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
 * to the log).
 */
@Component
@Order(0)
class FirstOperatorAccount implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstOperatorAccount.class);

    private final LoginAccounts accounts;
    private final String username;
    private final String password;

    FirstOperatorAccount(LoginAccounts accounts,
            @Value("${renkei.operator.initial-username:operator}") String username,
            @Value("${renkei.operator.initial-password:}") String password) {
        this.accounts = accounts;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.countOperators() > 0) {
            return;
        }
        boolean generated = !StringUtils.hasText(password);
        String initial = generated ? accounts.randomPassword() : password;
        accounts.create(username, "運営事務局", initial, Actor.AccountKind.OPERATOR, null);
        log.info("First operator account '{}' created", username);
        if (generated) {
            System.out.println("""

                    ================================================================
                     Renkei: first operator account created
                       ID:       %s
                       password: %s
                     This password is shown only now. Log in and keep it safe.
                    ================================================================
                    """.formatted(username, initial));
        }
    }
}
