package org.renkei.platform.fhir;

/**
 * A feature's FHIR provider of system-level operations (e.g. a {@code @Transaction} at {@code POST /fhir}), not
 * bound to one resource type. Beans implementing it are registered as HAPI plain providers.
 */
public interface FhirSystemProvider {
}
