package org.renkei.record;

import java.util.List;

/** One page of a search, with the number of matching records the person may see. */
public record RecordPage(List<StoredRecord> records, int total) {

    public static final RecordPage EMPTY = new RecordPage(List.of(), 0);
}
