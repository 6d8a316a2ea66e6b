/**
 * Emergency (break-the-glass) access (EMG-01…EMG-04): a doctor or nurse logged in with an IC card at a facility
 * that gives emergency care presses the emergency button, states a reason, finds a participant among all of the
 * network's participants by name, birth date and sex, and opens that participant's records read-only for a limited
 * time — also when the participant did not permit the facility or denied it, never when they withdrew. Every step
 * is audited as emergency access, and every activation waits in the operator's review queue to be confirmed or
 * flagged as misuse (which may suspend the user).
 *
 * <p>Nothing here decides access: the activations and grants are facts of the access decision, read through
 * {@link org.renkei.access.EmergencySource} and journalled through {@link org.renkei.access.AccessChanges}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Emergency access")
package org.renkei.emergency;
