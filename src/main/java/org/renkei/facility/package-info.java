/**
 * The registry of member facilities (FAC-01…FAC-07): kinds and their identifiers (medical institution code,
 * care provider number, local government code), the people a facility names (head, administrator, contact
 * persons, consent-reception staff), its state (applying → active → withdrawn; suspended and back), its
 * applications through the filing desk, the public list of participating facilities, and the FHIR
 * {@code Organization}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Facilities")
package org.renkei.facility;
