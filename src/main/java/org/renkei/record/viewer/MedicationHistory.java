package org.renkei.record.viewer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.renkei.record.RecordCategory;
import org.renkei.record.StoredRecord;

/** Prescriptions and dispensing records as rows: drug, dose, usage (JAMI usage codes as text), days, where, when. */
public final class MedicationHistory {

    static final String JAMI_USAGE = "http://jami.jp/CodeSystem/MedicationUsage";
    static final String MHLW_USAGE = "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/MedicationUsage_ePrescription";

    /** JAMI 16-digit usage codes (用法コード) and their text, for a coding sent without one. */
    static final Map<String, String> JAMI_USAGE_TEXT = Map.ofEntries(
            Map.entry("1011000400000000", "内服・経口・１日１回朝食後"),
            Map.entry("1011040000000000", "内服・経口・１日１回夕食後"),
            Map.entry("1011100000000000", "内服・経口・１日１回就寝前"),
            Map.entry("1011000090000000", "内服・経口・１日１回起床時"),
            Map.entry("1012040400000000", "内服・経口・１日２回朝夕食後"),
            Map.entry("1013044400000000", "内服・経口・１日３回朝昼夕食後"),
            Map.entry("1013011100000000", "内服・経口・１日３回朝昼夕食前"),
            Map.entry("1013022200000000", "内服・経口・１日３回朝昼夕食直前"),
            Map.entry("1014144400000000", "内服・経口・１日４回朝昼夕食後と就寝前"),
            Map.entry("1022000000000000", "内服・経口・１日２回１２時間毎"),
            Map.entry("1050110020000000", "内服・経口・疼痛時"),
            Map.entry("2B74000000000000", "外用・塗布・１日４回"),
            Map.entry("2R62090900000000", "外用・肛門挿入・１日２回朝夕"),
            Map.entry("3211000200000014", "注射・皮下注射・１日１回朝食直前・ワンショット・在宅・自己"));

    private MedicationHistory() {
    }

    /** One prescription or dispensing. */
    public record Row(UUID recordId, RecordCategory category, Instant date, String drug, String dose, String usage,
            String days, String facility, String staff, boolean enteredInError) {
    }

    static Row row(StoredRecord record, Resource resource, String facility, String staff) {
        String drug = record.display();
        List<Dosage> dosage = List.of();
        String days = null;
        if (resource instanceof MedicationRequest m) {
            if (m.hasMedicationCodeableConcept()) {
                drug = text(m.getMedicationCodeableConcept(), drug);
            }
            dosage = m.getDosageInstruction();
            if (m.getDispenseRequest().hasExpectedSupplyDuration()) {
                days = m.getDispenseRequest().getExpectedSupplyDuration().getValue().toPlainString();
            }
        } else if (resource instanceof MedicationDispense d) {
            if (d.hasMedicationCodeableConcept()) {
                drug = text(d.getMedicationCodeableConcept(), drug);
            }
            dosage = d.getDosageInstruction();
            if (d.hasDaysSupply() && d.getDaysSupply().hasValue()) {
                days = d.getDaysSupply().getValue().toPlainString();
            }
        }
        Dosage first = dosage.isEmpty() ? null : dosage.get(0);
        return new Row(record.id(), record.category(), record.effectiveAt(), drug, dose(first), usage(first), days,
                facility, staff, record.enteredInError());
    }

    /** The dose: a dose quantity (1回量), or the daily amount (1日量) of a rate ratio. */
    static String dose(Dosage dosage) {
        if (dosage == null || !dosage.hasDoseAndRate()) {
            return null;
        }
        var doseAndRate = dosage.getDoseAndRateFirstRep();
        if (doseAndRate.hasDoseQuantity()) {
            return quantity(doseAndRate.getDoseQuantity());
        }
        if (doseAndRate.hasRateRatio() && doseAndRate.getRateRatio().hasNumerator()) {
            return "1日 " + quantity(doseAndRate.getRateRatio().getNumerator());
        }
        return null;
    }

    /** The usage text: the JAMI (or MHLW) usage coding's text, else the dosage text. */
    static String usage(Dosage dosage) {
        if (dosage == null) {
            return null;
        }
        if (dosage.getTiming().hasCode()) {
            CodeableConcept code = dosage.getTiming().getCode();
            for (Coding c : code.getCoding()) {
                if (JAMI_USAGE.equals(c.getSystem())) {
                    return c.hasDisplay() ? c.getDisplay() : JAMI_USAGE_TEXT.getOrDefault(c.getCode(), c.getCode());
                }
            }
            for (Coding c : code.getCoding()) {
                if (MHLW_USAGE.equals(c.getSystem()) && c.hasDisplay()) {
                    return c.getDisplay();
                }
            }
            if (code.hasText()) {
                return code.getText();
            }
        }
        return dosage.hasText() ? dosage.getText() : null;
    }

    private static String quantity(Quantity q) {
        if (!q.hasValue()) {
            return null;
        }
        return q.getValue().toPlainString() + (q.hasUnit() ? q.getUnit() : q.hasCode() ? q.getCode() : "");
    }

    private static String text(CodeableConcept concept, String fallback) {
        if (concept.hasText()) {
            return concept.getText();
        }
        for (Coding c : concept.getCoding()) {
            if (c.hasDisplay()) {
                return c.getDisplay();
            }
        }
        return fallback;
    }
}
