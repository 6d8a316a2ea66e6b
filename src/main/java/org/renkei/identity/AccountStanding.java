package org.renkei.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A password account acts only while it is open, enabled, within its validity (a provisional account's 180
 * days, a temporary account's 30) and not locked: checked at login and on every request, so an open session ends
 * at once when one of these stops holding (USR-03, USR-04, ACC-01).
 */
@Component
class AccountStanding implements LoginEligibility {

    private final Accounts accounts;
    private final Clock clock;

    AccountStanding(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public Optional<String> refusal(Actor candidate) {
        if (candidate.authLevel().isCard()) {
            return Optional.empty();
        }
        return accounts.find(candidate.accountId())
                .map(account -> refusal(account, clock.instant()))
                .orElse(Optional.of("account unknown"));
    }

    static Optional<String> refusal(Account account, Instant now) {
        if (account.closed()) {
            return Optional.of("account closed");
        }
        if (!account.enabled()) {
            return Optional.of("account disabled");
        }
        if (account.expiredAt(now)) {
            return Optional.of("account expired");
        }
        if (account.lockedAt(now)) {
            return Optional.of("account locked");
        }
        return Optional.empty();
    }
}
