package org.renkei.record;

/**
 * A change was made on top of a version that is no longer the current one (FHIR {@code If-Match}): nothing is
 * changed, and the client reads the record again (HTTP 412).
 */
class RecordVersionConflict extends RuntimeException {

    private final int expected;
    private final int current;

    RecordVersionConflict(int expected, int current) {
        super("record version " + expected + " is not the current version " + current);
        this.expected = expected;
        this.current = current;
    }

    int expected() {
        return expected;
    }

    int current() {
        return current;
    }
}
