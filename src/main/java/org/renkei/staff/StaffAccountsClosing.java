package org.renkei.staff;

import org.renkei.identity.LoginAccounts;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A user whose add application was refused, or who withdrew, keeps no password account: their provisional
 * (USR-03) or temporary (USR-04) account is closed in the same transaction. (Their sessions already end with their
 * standing, {@link StaffLoginEligibility}.)
 */
@Component
class StaffAccountsClosing {

    private final LoginAccounts accounts;

    StaffAccountsClosing(LoginAccounts accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void on(StaffStatusChanged change) {
        if (change.to() == StaffStatus.REFUSED || change.to() == StaffStatus.WITHDRAWN) {
            accounts.closeAccountsOfStaff(change.staff().value(), "user " + change.to().name().toLowerCase());
        }
    }
}
