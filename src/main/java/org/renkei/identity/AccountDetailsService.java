package org.renkei.identity;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads an account for a password login and asks every feature whether it may log in now. */
@Component
class AccountDetailsService implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(AccountDetailsService.class);

    private final Accounts accounts;
    private final List<LoginEligibility> eligibility;

    AccountDetailsService(Accounts accounts, List<LoginEligibility> eligibility) {
        this.accounts = accounts;
        this.eligibility = eligibility;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Account account = accounts.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("unknown account"));
        Optional<String> refusal = ActorStandingFilter.refusal(eligibility, account.actor());
        if (refusal.isPresent()) {
            log.info("Login refused for account {}: {}", account.id(), refusal.get());
            return new AccountDetails(account, false);
        }
        return new AccountDetails(account, account.enabled());
    }
}
