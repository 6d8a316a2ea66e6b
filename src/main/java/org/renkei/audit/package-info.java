/**
 * The audit trail (監査証跡, AUD-01…AUD-05): every access to participant data, every login and every administrative
 * act, appended to one hash chain that is sealed at intervals by signed, timestamped checkpoints, so that nobody —
 * the operator's database administrator included — can change or cut it short unnoticed. Features write through
 * {@link org.renkei.audit.AuditTrail}; an access is shown to its user only once its entry is durable.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail")
package org.renkei.audit;
