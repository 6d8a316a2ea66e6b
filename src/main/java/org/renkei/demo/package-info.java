/**
 * The demo region: an invented city's network loaded on the first start with the {@code demo} profile, through
 * the same services the pages use. Nothing else depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo region")
package org.renkei.demo;
