package org.renkei.consent;

/** Administrative sex, as FHIR's AdministrativeGender. */
public enum Sex {
    MALE, FEMALE, OTHER, UNKNOWN;

    public String fhirCode() {
        return name().toLowerCase();
    }
}
