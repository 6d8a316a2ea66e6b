/**
 * In-app notices to a facility, addressed to its contact persons (連絡窓口担当者) and recorded: a refused
 * application, an application undecided past its deadline, a late decision. Later features (late consent
 * registration) send theirs the same way.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notices")
package org.renkei.notice;
