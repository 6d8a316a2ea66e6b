/**
 * Who is logged in and how they proved it: login accounts, the security configuration and the {@link
 * org.renkei.identity.Actor} every request carries, with its {@link org.renkei.identity.AuthLevel}. Other
 * features learn who acts from {@code Actor} and refuse logins through {@link
 * org.renkei.identity.LoginEligibility}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.renkei.identity;
