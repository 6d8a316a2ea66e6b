package org.renkei.identity;

import java.util.Collection;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** Spring Security's view of an account; carries the {@link Actor}. */
final class AccountDetails implements UserDetails, CredentialsContainer, ActorPrincipal {

    private final Actor actor;
    private String passwordHash;
    private final boolean enabled;

    /** {@code enabled} false when the account or a feature stands against logging in now. */
    AccountDetails(Account account, boolean enabled) {
        this.actor = account.actor();
        this.passwordHash = account.passwordHash();
        this.enabled = enabled;
    }

    @Override
    public Actor actor() {
        return actor;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return Roles.of(actor);
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** The hash is not kept in the session after login. */
    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
