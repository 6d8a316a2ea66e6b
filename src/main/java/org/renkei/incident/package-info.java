/**
 * Incidents (AUD-05, USR-07, DEV-03): a facility administrator reports a lost device or card, an anomaly or a
 * suspected misuse — and may stop the user concerned at once, in the same transaction as the report (the user is
 * suspended, which ends their sessions, and a lost user card is revoked) — and the operator tracks it from reported
 * through investigating to closed, every step with its note, who and when. Every act is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Incidents")
package org.renkei.incident;
