package org.renkei.identity;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads an account for a password login, asks every feature whether it may log in now, and says what the password
 * alone opens ({@link LoginSteps}).
 */
@Component
class AccountDetailsService implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(AccountDetailsService.class);

    private final Accounts accounts;
    private final List<LoginEligibility> eligibility;
    private final ObjectProvider<StaffDirectory> staff;
    private final LoginSteps steps;
    private final Clock clock;

    AccountDetailsService(Accounts accounts, List<LoginEligibility> eligibility, ObjectProvider<StaffDirectory> staff,
            LoginSteps steps, Clock clock) {
        this.accounts = accounts;
        this.eligibility = eligibility;
        this.staff = staff;
        this.steps = steps;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Account account = accounts.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("unknown account"));
        Actor actor = account.actor(profile(account));
        Optional<String> refusal = ActorStandingFilter.refusal(eligibility, actor);
        refusal.ifPresent(reason -> log.info("Login refused for account {}: {}", account.id(), reason));
        return new AccountDetails(actor, account.passwordHash(), refusal.isEmpty() && account.enabled(),
                !account.lockedAt(clock.instant()), steps.afterPassword(account, actor));
    }

    private Optional<StaffDirectory.StaffProfile> profile(Account account) {
        StaffDirectory directory = staff.getIfAvailable();
        if (account.staffId() == null || directory == null) {
            return Optional.empty();
        }
        return directory.profile(account.staffId());
    }
}
