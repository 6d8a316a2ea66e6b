package org.renkei.identity;

/** What every authenticated principal of Renkei carries, however the person logged in. */
interface ActorPrincipal {

    Actor actor();
}
