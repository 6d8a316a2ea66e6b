/**
 * Technical ground shared by every feature: the database (embedded PostgreSQL by default), the clock and the
 * operator's calendar display, page layout and messages, and the FHIR server that features plug their
 * resource providers into. Holds no domain rules.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.renkei.platform;
