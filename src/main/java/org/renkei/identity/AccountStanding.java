package org.renkei.identity;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** A password account that was disabled (or removed) may no longer act. */
@Component
class AccountStanding implements LoginEligibility {

    private final Accounts accounts;

    AccountStanding(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<String> refusal(Actor candidate) {
        if (candidate.authLevel().isCard()) {
            return Optional.empty();
        }
        return accounts.enabled(candidate.accountId()) ? Optional.empty() : Optional.of("account disabled");
    }
}
