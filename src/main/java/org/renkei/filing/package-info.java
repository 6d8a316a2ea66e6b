/**
 * Applications (届出) as first-class records: a facility's new / change / withdrawal application and a user's
 * add / withdrawal application. This module owns their lifecycle — receipt with the due rules, the operator's
 * decision within its deadline, refusal with a recorded reason, and taking effect on the effective date by a
 * scheduled, idempotent job. What an application changes is done by the feature that owns the thing changed,
 * through {@link org.renkei.filing.FilingHandler}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Applications (届出)")
package org.renkei.filing;
