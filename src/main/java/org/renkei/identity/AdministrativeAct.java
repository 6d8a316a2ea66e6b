package org.renkei.identity;

/**
 * An administrative act on accounts and cards (a lock lifted, a second factor reset, a temporary account issued or
 * renewed, a card issued or revoked), published in the transaction that does it, for the audit trail (AUD-01).
 *
 * @param act what was done, in a few words ("card revoked")
 * @param resourceType what it was done to ("Account", "Card", "Staff")
 * @param resourceId its id
 */
public record AdministrativeAct(Actor actor, String act, String resourceType, String resourceId) {
}
