package org.renkei.record;

import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The FHIR providers of the shared records: one {@link RecordResourceProvider} per resource type kept. */
@Configuration(proxyBeanMethods = false)
class RecordFhirConfiguration {

    private final SharedRecords records;
    private final FhirRecords fhirRecords;
    private final RecordFhir fhir;
    private final RecordWriter writer;

    RecordFhirConfiguration(SharedRecords records, FhirRecords fhirRecords, RecordFhir fhir, RecordWriter writer) {
        this.records = records;
        this.fhirRecords = fhirRecords;
        this.fhir = fhir;
        this.writer = writer;
    }

    private <T extends Resource> RecordResourceProvider<T> provider(Class<T> type) {
        return new RecordResourceProvider<>(type, records, fhirRecords, fhir, writer);
    }

    @Bean
    RecordResourceProvider<Observation> observationProvider() {
        return provider(Observation.class);
    }

    @Bean
    RecordResourceProvider<MedicationRequest> medicationRequestProvider() {
        return provider(MedicationRequest.class);
    }

    @Bean
    RecordResourceProvider<MedicationDispense> medicationDispenseProvider() {
        return provider(MedicationDispense.class);
    }

    @Bean
    RecordResourceProvider<Condition> conditionProvider() {
        return provider(Condition.class);
    }

    @Bean
    RecordResourceProvider<AllergyIntolerance> allergyIntoleranceProvider() {
        return provider(AllergyIntolerance.class);
    }

    @Bean
    RecordResourceProvider<DocumentReference> documentReferenceProvider() {
        return provider(DocumentReference.class);
    }

    @Bean
    RecordResourceProvider<Bundle> bundleProvider() {
        return provider(Bundle.class);
    }
}
