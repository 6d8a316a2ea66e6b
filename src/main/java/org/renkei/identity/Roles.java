package org.renkei.identity;

import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The Spring Security roles of an actor: what paths they may reach (not what data: that is the access decision). */
final class Roles {

    private Roles() {
    }

    static List<GrantedAuthority> of(Actor actor) {
        return List.of(new SimpleGrantedAuthority(switch (actor.kind()) {
            case OPERATOR -> "ROLE_OPERATOR";
            case FACILITY_ADMINISTRATOR -> "ROLE_FACILITY_ADMIN";
            case STAFF -> "ROLE_STAFF";
        }));
    }
}
