package org.renkei.record;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.renkei.identity.Actor;
import org.springframework.transaction.support.TransactionTemplate;

/** Stores FHIR records for tests through {@link SharedRecords}, as a facility's system would. */
public final class TestRecords {

    public static final String JLAC10 = "http://medis.or.jp/CodeSystem/master-JLAC10-17digits";
    public static final String HBA1C = "3D046000001906202";

    private final SharedRecords records;
    private final FhirRecords fhir;
    private final Attachments attachments;
    private final TransactionTemplate transactions;

    public TestRecords(SharedRecords records, FhirRecords fhir, Attachments attachments,
            TransactionTemplate transactions) {
        this.records = records;
        this.fhir = fhir;
        this.attachments = attachments;
        this.transactions = transactions;
    }

    public StoredRecord store(Resource resource, UUID participant, Actor actor) {
        resource.setId(UUID.randomUUID().toString());
        return records.store(fhir.draft(resource, participant, null), actor);
    }

    /** An HbA1c result (JLAC10, UCUM %), reference range 4.6–6.2. */
    public StoredRecord hba1c(UUID participant, String value, Instant at, Actor actor) {
        var o = new Observation();
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setCode(new CodeableConcept(new Coding(JLAC10, HBA1C,
                "グリコヘモグロビンA1c（NGSP）_全血(添加物入り)_ラテックス凝集比濁法_構成比")).setText("HbA1c(NGSP)"));
        o.setSubject(new Reference("Patient/" + participant));
        o.setEffective(new org.hl7.fhir.r4.model.DateTimeType(Date.from(at)));
        o.setValue(new Quantity().setValue(new BigDecimal(value)).setUnit("%").setSystem("http://unitsofmeasure.org")
                .setCode("%"));
        o.addReferenceRange().setLow(new Quantity().setValue(new BigDecimal("4.6")).setUnit("%"))
                .setHigh(new Quantity().setValue(new BigDecimal("6.2")).setUnit("%"));
        return store(o, participant, actor);
    }

    /** A referral letter with a diagnosis entry and a narrative that tries to run a script. */
    public StoredRecord referral(UUID participant, String title, Instant at, Actor actor) {
        var bundle = new Bundle();
        bundle.setType(Bundle.BundleType.DOCUMENT);
        bundle.setIdentifier(new Identifier().setSystem(FhirRecords.BUNDLE_IDENTIFIER_SYSTEM)
                .setValue("1311234567^2026^" + UUID.randomUUID().toString().substring(0, 8)));
        var composition = new Composition();
        composition.setId(UUID.randomUUID().toString());
        composition.setStatus(Composition.CompositionStatus.FINAL);
        composition.setType(new CodeableConcept(new Coding(FhirRecords.LOINC, FhirRecords.LOINC_REFERRAL, "診療情報提供書")));
        composition.setSubject(new Reference("Patient/" + participant));
        composition.setDate(Date.from(at));
        composition.setTitle(title);
        composition.addAuthor().setDisplay("試験 医師");
        var condition = new Condition();
        condition.setId(UUID.randomUUID().toString());
        condition.setCode(new CodeableConcept(new Coding("http://medis.or.jp/CodeSystem/master-disease-exCode", "U23V",
                "２型糖尿病")).setText("２型糖尿病"));
        condition.setSubject(new Reference("Patient/" + participant));
        var section = composition.addSection();
        section.setTitle("紹介目的");
        var narrative = new Narrative();
        narrative.setStatus(Narrative.NarrativeStatus.GENERATED);
        narrative.setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>血糖コントロール目的にご紹介します。</p>"
                + "<script>alert(1)</script><p onclick=\"alert(2)\">よろしくお願いします。</p></div>");
        section.setText(narrative);
        section.addEntry(new Reference("urn:uuid:" + condition.getIdElement().getIdPart()));
        bundle.addEntry().setFullUrl("urn:uuid:" + composition.getIdElement().getIdPart()).setResource(composition);
        bundle.addEntry().setFullUrl("urn:uuid:" + condition.getIdElement().getIdPart()).setResource(condition);
        return store(bundle, participant, actor);
    }

    /** A PNG attachment: its bytes saved in a transaction with the Binary record and a DocumentReference. */
    public UUID png(UUID participant, byte[] png, Actor actor) {
        return attach(participant, png, "image/png", "心電図", actor).binary();
    }

    /** An attachment and the DocumentReference that shows it. */
    public record Attached(UUID binary, UUID document) {
    }

    /** An attachment of any accepted type: its bytes, the Binary record and a DocumentReference, in one transaction. */
    public Attached attach(UUID participant, byte[] bytes, String contentType, String title, Actor actor) {
        return transactions.execute(tx -> {
            var saved = attachments.save(new ByteArrayInputStream(bytes), contentType);
            var binary = new Binary();
            binary.setId(UUID.randomUUID().toString());
            binary.setContentType(contentType);
            binary.setSecurityContext(new Reference("Patient/" + participant));
            StoredRecord b = records.store(fhir.draft(binary, participant, saved.sha256()), actor);
            var doc = new DocumentReference();
            doc.setStatus(org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus.CURRENT);
            doc.setSubject(new Reference("Patient/" + participant));
            doc.setDate(new Date());
            doc.setType(new CodeableConcept().setText(title));
            doc.addContent().getAttachment().setContentType(contentType).setUrl("Binary/" + b.id()).setTitle(title);
            StoredRecord d = store(doc, participant, actor);
            return new Attached(b.id(), d.id());
        });
    }
}
