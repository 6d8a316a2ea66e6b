package org.renkei.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.renkei.facility.Facility;
import org.renkei.facility.FacilityRegistry;
import org.renkei.identity.Actor;
import org.renkei.identity.AuthLevel;
import org.renkei.platform.time.JapanTime;
import org.renkei.record.Attachments;
import org.renkei.record.FhirRecords;
import org.renkei.record.RecordDraft;
import org.renkei.record.RecordQuery;
import org.renkei.record.SharedRecords;
import org.renkei.staff.StaffMember;
import org.renkei.staff.StaffRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Shared records of the demo region, for 山田 花子 (permitted at さくら内科クリニック, みどり市民病院, みどり調剤薬局 and
 * 訪問看護ステーションかがやき): lab results over four visits, diagnoses, an allergy, a prescription and its dispensing,
 * a referral letter from the clinic to the hospital, a care note of the nursing station and an ECG image. Stored
 * through {@link SharedRecords} by the demo staff, after the region itself has committed (the access decision sees
 * only committed consent). Loaded once: nothing when the participant already has records.
 */
@Component
@Profile("demo")
@Order(20)
class DemoRecords implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRecords.class);

    static final String CORE_LABO = "http://jpfhir.jp/fhir/clins/CodeSystem/JLAC10/JP_CLINS_ObsLabResult_CoreLabo_CS";
    static final String JLAC10 = "http://medis.or.jp/CodeSystem/master-JLAC10-17digits";
    static final String LOCAL_LAB = "http://jpfhir.jp/fhir/clins/CodeSystem/JP_CLINS_ObsLabResult_LocalCode_CS";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String HOT9 = "http://medis.or.jp/CodeSystem/master-HOT9";
    static final String YJ = "http://capstandard.jp/iyaku.info/CodeSystem/YJ-code";
    static final String JAMI_USAGE = "http://jami.jp/CodeSystem/MedicationUsage";
    static final String MERIT9 = "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/MedicationUnitMERIT9Code";
    static final String MEDIS_EXCODE = "http://medis.or.jp/CodeSystem/master-disease-exCode";
    static final String MEDIS_KEY = "http://medis.or.jp/CodeSystem/master-disease-keyNumber";
    static final String MASTER_B = "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/masterB-disease";
    static final String JFAGY_FOOD = "http://jpfhir.jp/fhir/core/CodeSystem/JP_JfagyFoodAllergen_CS";
    static final String DOC_TYPES = "http://jpfhir.jp/fhir/Common/CodeSystem/doc-typecodes";

    private final SharedRecords records;
    private final FhirRecords fhir;
    private final Attachments attachments;
    private final TransactionTemplate transactions;
    private final FacilityRegistry facilities;
    private final StaffRegistry staff;
    private final org.renkei.consent.ParticipantDirectory directory;
    private final Clock clock;

    DemoRecords(SharedRecords records, FhirRecords fhir, Attachments attachments, TransactionTemplate transactions,
            FacilityRegistry facilities, StaffRegistry staff, org.renkei.consent.ParticipantDirectory directory,
            Clock clock) {
        this.records = records;
        this.fhir = fhir;
        this.attachments = attachments;
        this.transactions = transactions;
        this.facilities = facilities;
        this.staff = staff;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        var sakura = facility("さくら内科クリニック");
        if (sakura == null) {
            return;
        }
        Actor sakuraDoctor = actor(sakura, "桜井");
        var yamada = directory.search(sakuraDoctor, "ヤマダ", LocalDate.of(1941, 3, 8));
        if (yamada.isEmpty()) {
            return;
        }
        UUID p = yamada.get(0).id().value();
        if (records.search(sakuraDoctor, RecordQuery.of(p, Set.of())).total() > 0) {
            return;
        }
        Facility hospital = facility("みどり市民病院");
        Facility pharmacy = facility("みどり調剤薬局 中央店");
        Facility nursing = facility("訪問看護ステーションかがやき");
        Actor hospitalDoctor = actor(hospital, "緑川");
        Actor pharmacist = actor(pharmacy, "薬師");
        Actor nurse = actor(nursing, "光野");
        LocalDate today = JapanTime.today(clock);

        int[] daysAgo = {120, 90, 60, 30};
        String[][] values = {
                {"7.4", "7.2", "6.9", "6.7"}, {"152", "141", "133", "126"}, {"24", "27", "31", "45"},
                {"22", "29", "35", "52"}, {"61.2", "58.4", "56.0", "54.3"}};
        for (int i = 0; i < daysAgo.length; i++) {
            Date at = at(today.minusDays(daysAgo[i]), 10);
            store(lab(p, at, "HbA1c-NGSP", "3D046000001906202",
                    "グリコヘモグロビンA1c（NGSP）_全血(添加物入り)_ラテックス凝集比濁法_構成比", "HbA1c(NGSP)", "L001",
                    values[0][i], "%", "%", "4.6", "6.2"), p, sakuraDoctor);
            store(lab(p, at, "BS", "3D010129902227101", null, "血糖", "L002", values[1][i], "mg/dL", "mg/dL",
                    "73", "109"), p, sakuraDoctor);
            store(lab(p, at, "AST", "3B035000002327201", "AST_血清_紫外吸光光度法(UV法)_定量値", "AST(GOT)", "L003",
                    values[2][i], "U/L", "U/L", "13", "30"), p, sakuraDoctor);
            store(lab(p, at, "ALT", "3B045000002327201", "ALT_血清_紫外吸光光度法(UV法)_定量値", "ALT(GPT)", "L004",
                    values[3][i], "U/L", "U/L", "7", "23"), p, sakuraDoctor);
            store(lab(p, at, null, "8A065000002391901", "推算GFRcreat_血清_計算法_定量値", "eGFR", "L005",
                    values[4][i], "mL/min/1.73m2", "mL/min/{1.73_m2}", "60", null), p, sakuraDoctor);
        }
        // the hospital's own result after the referral
        store(lab(p, at(today.minusDays(5), 9), "HbA1c-NGSP", "3D046000001906202",
                "グリコヘモグロビンA1c（NGSP）_全血(添加物入り)_ラテックス凝集比濁法_構成比", "HbA1c(NGSP)", "H-0101",
                "6.6", "%", "%", "4.6", "6.2"), p, hospitalDoctor);

        Condition hypertension = condition(p, "高血圧症", List.of(new Coding(MEDIS_KEY, "20061593", "高血圧症"),
                new Coding(MEDIS_EXCODE, "UHGQ", "高血圧症"), new Coding(MASTER_B, "8833421", "高血圧症")),
                at(today.minusYears(3), 10));
        Condition diabetes = condition(p, "２型糖尿病", List.of(new Coding(MEDIS_EXCODE, "U23V", "２型糖尿病"),
                new Coding(MASTER_B, "2500015", "２型糖尿病")), at(today.minusYears(2), 10));
        store(hypertension.copy(), p, sakuraDoctor);
        store(diabetes.copy(), p, sakuraDoctor);
        AllergyIntolerance mackerel = allergy(p, at(today.minusYears(1), 10));
        store(mackerel.copy(), p, sakuraDoctor);

        Date prescribed = at(today.minusDays(30), 11);
        MedicationRequest amlodipine = prescription(p, prescribed);
        store(amlodipine.copy(), p, sakuraDoctor);
        store(dispensing(p, at(today.minusDays(30), 14)), p, pharmacist);

        store(referral(p, at(today.minusDays(20), 16), hypertension, diabetes, mackerel, amlodipine), p,
                sakuraDoctor);
        store(careNote(p, at(today.minusDays(3), 15)), p, nurse);
        ecg(p, at(today.minusDays(30), 10), sakuraDoctor);
        log.info("Demo shared records stored for 山田 花子");
    }

    private Facility facility(String name) {
        return facilities.all().stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }

    private Actor actor(Facility facility, String familyName) {
        StaffMember member = staff.ofFacility(facility.id()).stream()
                .filter(s -> s.familyName().equals(familyName)).findFirst().orElseThrow();
        AuthLevel level = member.profession().usesHpkiCard() ? AuthLevel.HPKI_CARD : AuthLevel.USER_PKI_CARD;
        return new Actor(member.id().value(), "demo-" + familyName, member.fullName(), level, Actor.AccountKind.STAFF,
                facility.id().value(), member.id().value(), member.profession());
    }

    private void store(Resource resource, UUID participant, Actor actor) {
        resource.setId(UUID.randomUUID().toString());
        records.store(fhir.draft(resource, participant, null), actor);
    }

    private Date at(LocalDate day, int hour) {
        return Date.from(day.atTime(LocalTime.of(hour, 0)).atZone(JapanTime.ZONE).toInstant());
    }

    private static Reference patient(UUID participant) {
        return new Reference("Patient/" + participant);
    }

    private static Observation lab(UUID participant, Date at, String coreName, String jlac10, String jlacName,
            String text, String localCode, String value, String unit, String ucum, String low, String high) {
        var o = new Observation();
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(new CodeableConcept(new Coding(
                "http://jpfhir.jp/fhir/core/CodeSystem/JP_SimpleObservationCategory_CS", "laboratory", "検体検査")));
        var code = new CodeableConcept().setText(text);
        code.addCoding(new Coding(LOCAL_LAB, localCode, text));
        if (coreName != null) {
            code.addCoding(new Coding(CORE_LABO, jlac10, coreName));
        }
        if (jlacName != null) {
            code.addCoding(new Coding(JLAC10, jlac10, jlacName));
        }
        o.setCode(code);
        o.setSubject(patient(participant));
        o.setEffective(new DateTimeType(at));
        o.setIssued(at);
        o.setValue(new Quantity().setValue(new BigDecimal(value)).setUnit(unit).setSystem(UCUM).setCode(ucum));
        var range = o.addReferenceRange();
        if (low != null) {
            range.setLow(new Quantity().setValue(new BigDecimal(low)).setUnit(unit).setSystem(UCUM).setCode(ucum));
        }
        if (high != null) {
            range.setHigh(new Quantity().setValue(new BigDecimal(high)).setUnit(unit).setSystem(UCUM).setCode(ucum));
        }
        return o;
    }

    private static Condition condition(UUID participant, String text, List<Coding> codings, Date onset) {
        var c = new Condition();
        c.setId(UUID.randomUUID().toString());
        var code = new CodeableConcept().setText(text);
        codings.forEach(code::addCoding);
        c.setCode(code);
        c.setClinicalStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active")));
        c.setSubject(patient(participant));
        c.setOnset(new DateTimeType(onset));
        c.setRecordedDate(onset);
        return c;
    }

    private static AllergyIntolerance allergy(UUID participant, Date recorded) {
        var a = new AllergyIntolerance();
        a.setId(UUID.randomUUID().toString());
        a.setPatient(patient(participant));
        a.setCode(new CodeableConcept(new Coding(JFAGY_FOOD, "J9FC11310000", "さば")).setText("さば"));
        a.addCategory(AllergyIntolerance.AllergyIntoleranceCategory.FOOD);
        a.setRecordedDate(recorded);
        a.addReaction().addManifestation(new CodeableConcept().setText("じんましん"));
        return a;
    }

    private static MedicationRequest prescription(UUID participant, Date authored) {
        var m = new MedicationRequest();
        m.setId(UUID.randomUUID().toString());
        m.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
        m.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        m.setSubject(patient(participant));
        m.setAuthoredOn(authored);
        m.setMedication(amlodipine());
        m.addDosageInstruction(dosage());
        m.getDispenseRequest().setExpectedSupplyDuration((Duration) new Duration().setValue(28).setUnit("日")
                .setSystem(UCUM).setCode("d"));
        m.getDispenseRequest().setQuantity(new Quantity().setValue(28).setUnit("錠").setSystem(MERIT9).setCode("TAB"));
        return m;
    }

    private static MedicationDispense dispensing(UUID participant, Date handedOver) {
        var d = new MedicationDispense();
        d.setStatus(MedicationDispense.MedicationDispenseStatus.COMPLETED);
        d.setSubject(patient(participant));
        d.setMedication(amlodipine());
        d.setWhenHandedOver(handedOver);
        d.setQuantity(new Quantity().setValue(28).setUnit("錠").setSystem(MERIT9).setCode("TAB"));
        d.setDaysSupply(new Quantity().setValue(28).setUnit("日").setSystem(UCUM).setCode("d"));
        d.addDosageInstruction(dosage());
        return d;
    }

    private static CodeableConcept amlodipine() {
        return new CodeableConcept().setText("アムロジピンＯＤ錠１０ｍｇ")
                .addCoding(new Coding(YJ, "2171022F6276", "アムロジピンＯＤ錠１０ｍｇ"))
                .addCoding(new Coding(HOT9, "121431401", "アムロジピンＯＤ錠１０ｍｇ"));
    }

    private static Dosage dosage() {
        var dosage = new Dosage();
        dosage.getTiming().setCode(new CodeableConcept(new Coding(JAMI_USAGE, "1011000400000000",
                "内服・経口・１日１回朝食後")));
        dosage.addDoseAndRate().setDose(new Quantity().setValue(1).setUnit("錠").setSystem(MERIT9).setCode("TAB"));
        return dosage;
    }

    private static Bundle referral(UUID participant, Date date, Condition hypertension, Condition diabetes,
            AllergyIntolerance allergy, MedicationRequest medication) {
        var practitioner = new Practitioner();
        practitioner.setId(UUID.randomUUID().toString());
        practitioner.addName(new HumanName().setText("桜井 大輔").setFamily("桜井").addGiven("大輔"));
        var organization = new Organization();
        organization.setId(UUID.randomUUID().toString());
        organization.setName("さくら内科クリニック");
        var composition = new Composition();
        composition.setId(UUID.randomUUID().toString());
        composition.setStatus(Composition.CompositionStatus.FINAL);
        composition.setType(new CodeableConcept(new Coding(DOC_TYPES, FhirRecords.LOINC_REFERRAL, "診療情報提供書"))
                .addCoding(new Coding(FhirRecords.LOINC, FhirRecords.LOINC_REFERRAL, "診療情報提供書")));
        composition.setSubject(patient(participant));
        composition.setDate(date);
        composition.setTitle("診療情報提供書（みどり市民病院 糖尿病内科 御侍史）");
        composition.addAuthor(new Reference("urn:uuid:" + practitioner.getIdElement().getIdPart()));
        composition.setCustodian(new Reference("urn:uuid:" + organization.getIdElement().getIdPart()));
        section(composition, "紹介目的", "<p>２型糖尿病の血糖コントロール不良（HbA1c 7％前後が持続）のため、"
                + "教育入院を含めたご加療をお願い申し上げます。</p>");
        section(composition, "傷病名・主訴", "<p>２型糖尿病、高血圧症。口渇と倦怠感の訴えがあります。</p>",
                diabetes, hypertension);
        section(composition, "現病歴", "<p>2年前に２型糖尿病と診断。食事療法を中心に外来で経過を見てきましたが、"
                + "最近4か月のHbA1cは7.4％から6.7％と目標に届いていません。肝機能（AST/ALT）の軽度上昇と"
                + "eGFRの低下傾向もあります。</p>");
        section(composition, "アレルギー・不耐性反応", "<p>さば（じんましん）。薬剤アレルギーはありません。</p>", allergy);
        section(composition, "処方", "<ul><li>アムロジピンＯＤ錠１０ｍｇ 1錠 1日1回朝食後 28日分</li></ul>", medication);
        var bundle = new Bundle();
        bundle.setType(Bundle.BundleType.DOCUMENT);
        bundle.setIdentifier(new Identifier().setSystem(FhirRecords.BUNDLE_IDENTIFIER_SYSTEM)
                .setValue("4310300013^" + JapanTime.today(Clock.systemUTC()).getYear() + "^000001"));
        bundle.setTimestamp(date);
        for (Resource r : new Resource[] {composition, practitioner, organization, diabetes, hypertension, allergy,
                medication}) {
            bundle.addEntry().setFullUrl("urn:uuid:" + r.getIdElement().getIdPart()).setResource(r);
        }
        return bundle;
    }

    private static void section(Composition composition, String title, String xhtml, Resource... entries) {
        var section = composition.addSection();
        section.setTitle(title);
        var narrative = new Narrative();
        narrative.setStatus(Narrative.NarrativeStatus.GENERATED);
        narrative.setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">" + xhtml + "</div>");
        section.setText(narrative);
        for (Resource r : entries) {
            section.addEntry(new Reference("urn:uuid:" + r.getIdElement().getIdPart()));
        }
    }

    private static DocumentReference careNote(UUID participant, Date date) {
        var d = new DocumentReference();
        d.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        d.addCategory(new CodeableConcept(new Coding(FhirRecords.CARE_NOTE_SYSTEM, FhirRecords.CARE_NOTE_CODE,
                "看護・介護記録")));
        d.setType(new CodeableConcept().setText("訪問看護記録"));
        d.setSubject(patient(participant));
        d.setDate(date);
        d.setDescription("訪問看護（定期訪問）");
        d.addContent().getAttachment().setContentType("text/plain; charset=UTF-8")
                .setData(("血圧 138/82 mmHg、脈拍 72 回/分。服薬はお薬カレンダーで自己管理できている。"
                        + "足の観察: 傷・発赤なし。食事は魚中心、間食を控えるよう助言した。次回訪問は1週間後。")
                        .getBytes(StandardCharsets.UTF_8));
        return d;
    }

    private void ecg(UUID participant, Date date, Actor actor) {
        byte[] png = ecgImage();
        transactions.executeWithoutResult(tx -> {
            var saved = attachments.save(new ByteArrayInputStream(png), "image/png");
            var binary = new Binary();
            binary.setId(UUID.randomUUID().toString());
            binary.setContentType("image/png");
            binary.setSecurityContext(patient(participant));
            RecordDraft draft = fhir.draft(binary, participant, saved.sha256());
            records.store(draft, actor);
            var doc = new DocumentReference();
            doc.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
            doc.setType(new CodeableConcept().setText("心電図"));
            doc.setSubject(patient(participant));
            doc.setDate(date);
            doc.setDescription("安静時12誘導心電図（II誘導の抜粋）: 洞調律、明らかな異常なし");
            doc.addContent().getAttachment().setContentType("image/png").setUrl("Binary/" + draft.id())
                    .setTitle("心電図 II誘導");
            store(doc, participant, actor);
        });
    }

    /** A small ECG-like strip drawn in code (PNG). */
    static byte[] ecgImage() {
        var image = new BufferedImage(320, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xFFF5F5));
        g.fillRect(0, 0, 320, 80);
        g.setColor(new Color(0xF2C4C4));
        for (int x = 0; x < 320; x += 10) {
            g.drawLine(x, 0, x, 80);
        }
        for (int y = 0; y < 80; y += 10) {
            g.drawLine(0, y, 320, y);
        }
        g.setColor(Color.BLACK);
        int[] beat = {0, 0, -3, 0, 0, 4, -28, 10, 0, 0, -5, -6, -5, 0, 0, 0};
        int prevX = 0;
        int prevY = 50;
        for (int x = 0; x < 320; x += 4) {
            int y = 50 + beat[(x / 4) % beat.length];
            g.drawLine(prevX, prevY, x, y);
            prevX = x;
            prevY = y;
        }
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
