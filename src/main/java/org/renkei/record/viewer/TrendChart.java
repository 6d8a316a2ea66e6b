package org.renkei.record.viewer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small trend chart of one test's values, drawn on the server as inline SVG (no script): a line through the
 * values in date order, a dot per value (red when outside the reference range) and the reference range as a
 * shaded band.
 *
 * @param points the polyline's points attribute
 * @param bandY top of the reference band, or null when there is none
 * @param bandHeight height of the reference band
 */
public record TrendChart(int width, int height, String points, List<Dot> dots, Double bandY, Double bandHeight) {

    static final int WIDTH = 160;
    static final int HEIGHT = 40;
    private static final double PAD = 4;

    /** One value on the chart; {@code label} is its tooltip. */
    public record Dot(double x, double y, boolean abnormal, String label) {
    }

    /** A value to draw. */
    record Value(BigDecimal value, boolean abnormal, String label) {
    }

    /** The chart of the values (oldest first); null for fewer than one value. */
    static TrendChart of(List<Value> values, BigDecimal low, BigDecimal high) {
        if (values.isEmpty()) {
            return null;
        }
        double min = values.stream().mapToDouble(v -> v.value().doubleValue()).min().orElse(0);
        double max = values.stream().mapToDouble(v -> v.value().doubleValue()).max().orElse(0);
        if (low != null) {
            min = Math.min(min, low.doubleValue());
        }
        if (high != null) {
            max = Math.max(max, high.doubleValue());
        }
        if (max - min < 1e-9) {
            max = min + 1;
            min = min - 1;
        }
        double span = max - min;
        double lo = min - span * 0.1;
        double hi = max + span * 0.1;
        List<Dot> dots = new ArrayList<>();
        var points = new StringBuilder();
        int n = values.size();
        for (int i = 0; i < n; i++) {
            Value v = values.get(i);
            double x = n == 1 ? WIDTH / 2.0 : PAD + (WIDTH - 2 * PAD) * i / (n - 1);
            double y = y(v.value().doubleValue(), lo, hi);
            dots.add(new Dot(round(x), round(y), v.abnormal(), v.label()));
            if (i > 0) {
                points.append(' ');
            }
            points.append(format(x)).append(',').append(format(y));
        }
        Double bandY = null;
        Double bandHeight = null;
        if (low != null || high != null) {
            double top = high == null ? PAD : y(high.doubleValue(), lo, hi);
            double bottom = low == null ? HEIGHT - PAD : y(low.doubleValue(), lo, hi);
            bandY = round(top);
            bandHeight = round(Math.max(0.5, bottom - top));
        }
        return new TrendChart(WIDTH, HEIGHT, points.toString(), dots, bandY, bandHeight);
    }

    public String viewBox() {
        return "0 0 " + width + " " + height;
    }

    private static double y(double value, double lo, double hi) {
        return HEIGHT - PAD - (HEIGHT - 2 * PAD) * (value - lo) / (hi - lo);
    }

    private static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }

    private static String format(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
