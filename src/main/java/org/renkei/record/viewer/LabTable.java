package org.renkei.record.viewer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.renkei.platform.time.JapanTime;
import org.renkei.record.StoredRecord;

/**
 * A participant's lab results as a table: one row per test (grouped by its main code), one column per date
 * (Japan time), each value with its unit and H/L flag against the reference range, and a trend chart per test.
 */
public record LabTable(List<LocalDate> dates, List<Row> rows) {

    static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

    /** One test: its name and code, unit, reference range, values by date and chart. */
    public record Row(String name, String codeSystem, String code, String unit, String range,
            Map<LocalDate, Cell> cells, TrendChart chart) {

        public Cell at(LocalDate date) {
            return cells.get(date);
        }
    }

    /** One value: the text shown, its flag ("H", "L" or null), the record and the storing facility. */
    public record Cell(String value, String flag, UUID recordId, String facility) {
    }

    /** One lab result as read: the stored record and its decoded Observation. */
    record Result(StoredRecord record, Observation observation, String facility) {
    }

    static LabTable of(List<Result> results) {
        var dates = new TreeSet<LocalDate>();
        Map<String, List<Result>> byTest = new LinkedHashMap<>();
        List<Result> sorted = new ArrayList<>(results.stream().filter(r -> r.record().effectiveAt() != null).toList());
        sorted.sort(Comparator.comparing((Result r) -> r.record().effectiveAt()));
        for (Result r : sorted) {
            dates.add(day(r));
            byTest.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r);
        }
        List<Row> rows = new ArrayList<>();
        for (List<Result> test : byTest.values()) {
            rows.add(row(test));
        }
        rows.sort(Comparator.comparing(Row::name));
        return new LabTable(List.copyOf(dates), rows);
    }

    private static Row row(List<Result> test) {
        Result last = test.get(test.size() - 1);
        Observation latest = last.observation();
        String name = latest.getCode().hasText() ? latest.getCode().getText()
                : last.record().display() != null ? last.record().display() : last.record().code();
        String unit = null;
        BigDecimal low = null;
        BigDecimal high = null;
        String range = null;
        for (int i = test.size() - 1; i >= 0; i--) {
            Observation o = test.get(i).observation();
            if (unit == null && o.hasValueQuantity()) {
                unit = unit(o.getValueQuantity());
            }
            if (range == null && o.hasReferenceRange()) {
                var rr = o.getReferenceRangeFirstRep();
                low = rr.hasLow() ? rr.getLow().getValue() : null;
                high = rr.hasHigh() ? rr.getHigh().getValue() : null;
                range = rr.hasText() ? rr.getText()
                        : (low == null ? "" : low.toPlainString()) + "–" + (high == null ? "" : high.toPlainString());
            }
        }
        Map<LocalDate, Cell> cells = new LinkedHashMap<>();
        List<TrendChart.Value> values = new ArrayList<>();
        for (Result r : test) {
            Observation o = r.observation();
            String flag = flag(o, low, high);
            String text;
            if (o.hasValueQuantity() && o.getValueQuantity().hasValue()) {
                BigDecimal v = o.getValueQuantity().getValue();
                text = v.toPlainString();
                values.add(new TrendChart.Value(v, flag != null, JapanTime.date(day(r)) + " " + text
                        + (unit == null ? "" : " " + unit)));
            } else if (o.hasValueStringType()) {
                text = o.getValueStringType().getValue();
            } else if (o.hasValueCodeableConcept()) {
                text = o.getValueCodeableConcept().hasText() ? o.getValueCodeableConcept().getText()
                        : o.getValueCodeableConcept().getCodingFirstRep().getDisplay();
            } else {
                text = "";
            }
            cells.put(day(r), new Cell(text, flag, r.record().id(), r.facility()));
        }
        return new Row(name, last.record().codeSystem(), last.record().code(), unit, range, cells,
                TrendChart.of(values, low, high));
    }

    /** H or L: the interpretation sent with the result, otherwise the value against the reference range. */
    static String flag(Observation o, BigDecimal low, BigDecimal high) {
        for (var concept : o.getInterpretation()) {
            for (Coding c : concept.getCoding()) {
                if (INTERPRETATION.equals(c.getSystem())) {
                    String code = c.getCode();
                    if ("H".equals(code) || "HH".equals(code) || "HU".equals(code)) {
                        return "H";
                    }
                    if ("L".equals(code) || "LL".equals(code) || "LU".equals(code)) {
                        return "L";
                    }
                    if ("N".equals(code)) {
                        return null;
                    }
                }
            }
        }
        if (!o.hasValueQuantity() || !o.getValueQuantity().hasValue()) {
            return null;
        }
        BigDecimal v = o.getValueQuantity().getValue();
        BigDecimal lo = low;
        BigDecimal hi = high;
        if (o.hasReferenceRange()) {
            var rr = o.getReferenceRangeFirstRep();
            lo = rr.hasLow() ? rr.getLow().getValue() : lo;
            hi = rr.hasHigh() ? rr.getHigh().getValue() : hi;
        }
        if (hi != null && v.compareTo(hi) > 0) {
            return "H";
        }
        if (lo != null && v.compareTo(lo) < 0) {
            return "L";
        }
        return null;
    }

    private static String unit(Quantity q) {
        return q.hasUnit() ? q.getUnit() : q.hasCode() ? q.getCode() : null;
    }

    private static String key(Result r) {
        return r.record().codeSystem() + "|" + r.record().code() + "|"
                + (r.record().code() == null ? r.observation().getCode().getText() : "");
    }

    private static LocalDate day(Result r) {
        return r.record().effectiveAt().atZone(JapanTime.ZONE).toLocalDate();
    }
}
