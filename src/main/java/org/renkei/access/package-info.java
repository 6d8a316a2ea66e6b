/**
 * The one access decision: may this person, in this session, at this facility, do this action on this
 * participant's data of this kind, now? Answered from an in-memory view of consent, facility and user state that
 * every node keeps current through a journal in PostgreSQL. Every path to participant data asks
 * {@link org.renkei.access.AccessDecisions}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access decision")
package org.renkei.access;
