/**
 * Participants and their consent (PAR-01…PAR-05, CON-01…CON-09): the paper forms as records (new, add, change,
 * withdrawal, card re-issue), the operator's registration queue with its 3-business-day due dates, participant
 * cards, the master patient index (the patient number at each facility), and the history of every consent state.
 * The access decision reads the registered state through {@link org.renkei.access.ConsentSource}, and every
 * registration tells it, inside its transaction, through {@link org.renkei.access.AccessChanges}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Consent")
package org.renkei.consent;
