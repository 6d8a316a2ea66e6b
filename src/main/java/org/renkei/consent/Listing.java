package org.renkei.consent;

/** How a form lists a facility. */
public enum Listing {
    /** The participant permits the facility (new and add forms). */
    PERMIT,
    /** 情報共有しない施設: the participant does not want to share with it (change form, CON-03). */
    DENY,
    /** The participant lifts an earlier "do not share" (change form). */
    LIFT
}
