package org.renkei.identity;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Spring Security's view of an account; carries the {@link Actor}. Its authorities are what a correct password
 * alone opens: the actor's roles, or — while a second factor or a password change is still due — only the page
 * of that step ({@link LoginSteps}).
 */
final class AccountDetails implements UserDetails, CredentialsContainer, ActorPrincipal {

    private final Actor actor;
    private String passwordHash;
    private final boolean enabled;
    private final boolean nonLocked;
    private final List<GrantedAuthority> authorities;

    /**
     * @param enabled false when the account or a feature stands against logging in now
     * @param nonLocked false while the account is locked after wrong passwords (ACC-01)
     */
    AccountDetails(Actor actor, String passwordHash, boolean enabled, boolean nonLocked,
            List<GrantedAuthority> authorities) {
        this.actor = actor;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.nonLocked = nonLocked;
        this.authorities = List.copyOf(authorities);
    }

    @Override
    public Actor actor() {
        return actor;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
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

    @Override
    public boolean isAccountNonLocked() {
        return nonLocked;
    }

    /** The hash is not kept in the session after login. */
    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
