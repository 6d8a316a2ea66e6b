/**
 * The users of member facilities (利用者, USR-01): who they are (name in kanji and katakana, profession), the
 * facility they belong to, their state (applying → active → withdrawn; suspended and back, FAC-05) with its
 * history, their add and withdrawal applications through the filing desk, the operator's pages and the
 * facility administrator's console for them, and the FHIR {@code Practitioner} and {@code PractitionerRole}.
 * When a facility withdraws, its users are withdrawn with it (FAC-04).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff")
package org.renkei.staff;
