/**
 * Participants and their consent (PAR-01…PAR-05, CON-01…CON-09): the paper forms as records (new, add, change,
 * withdrawal, card re-issue), the operator's registration queue with its 3-business-day due dates, participant
 * cards, the master patient index (the patient number at each facility), and the history of every consent state.
 * The registered state of each participant is read by the access decision through {@link org.renkei.consent.ConsentLedger};
 * every registration publishes {@link org.renkei.consent.ConsentChanged} inside its transaction.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Consent")
package org.renkei.consent;
