package org.renkei.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Checks the chain, entry by entry in {@code seq} order, against itself, its checkpoints and the node's witness of
 * its end, and names what was done to it. Pure: the entries come in, lookups of other entries go through {@link
 * Links}.
 *
 * <ul>
 * <li><b>EDITED</b>: an entry's content no longer gives its hash; or (the hash made anew to hide it) the next
 * entry's link names a hash that is nowhere, while no entry is missing in between.</li>
 * <li><b>DELETED</b>: an entry's link names a hash that is nowhere and entries are missing before it.</li>
 * <li><b>INSERTED</b>: an entry that no other entry links to stands where the link skips over it.</li>
 * <li><b>REORDERED</b>: an entry's link names an entry that stands elsewhere (later, or earlier but linked).</li>
 * <li><b>TRUNCATED</b>: a checkpoint, or the witness, names an entry beyond the chain's end.</li>
 * <li><b>REWRITTEN</b>: the entry a checkpoint or the witness names has another hash now (the chain was made
 * anew from there back).</li>
 * <li><b>FALSE_CHECKPOINT</b>: a checkpoint's signature or time stamp does not hold.</li>
 * </ul>
 */
final class ChainCheck {

    enum Kind {
        EDITED, DELETED, INSERTED, REORDERED, TRUNCATED, REWRITTEN, FALSE_CHECKPOINT
    }

    record Finding(Kind kind, long seq) {
    }

    /** An entry as stored, with the hash its stored content gives. */
    record Entry(long seq, byte[] previousHash, byte[] hash, byte[] recomputedHash) {
    }

    /** Lookups of other entries, for the entries whose link is broken. */
    interface Links {
        /** The seq of an entry with this hash, if any. */
        OptionalLong seqOfHash(byte[] hash);

        /** Whether any entry links to this hash. */
        boolean linkedTo(byte[] hash);
    }

    private final Links links;
    private final NavigableMap<Long, byte[]> seals = new TreeMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private Entry previous;
    private long entries;

    /**
     * @param seals the hash each genuine checkpoint — and the witness — names, by seq
     */
    ChainCheck(Links links, NavigableMap<Long, byte[]> seals) {
        this.links = links;
        this.seals.putAll(seals);
    }

    void falseCheckpoint(long seq) {
        findings.add(new Finding(Kind.FALSE_CHECKPOINT, seq));
    }

    void accept(Entry entry) {
        entries++;
        if (!Arrays.equals(entry.recomputedHash(), entry.hash())) {
            findings.add(new Finding(Kind.EDITED, entry.seq()));
        }
        byte[] expected = previous == null ? AuditChain.START : previous.hash();
        if (!Arrays.equals(entry.previousHash(), expected)) {
            brokenLink(entry);
        }
        byte[] sealed = seals.get(entry.seq());
        if (sealed != null && !Arrays.equals(sealed, entry.hash())) {
            findings.add(new Finding(Kind.REWRITTEN, entry.seq()));
        }
        previous = entry;
    }

    private void brokenLink(Entry entry) {
        long gapBefore = entry.seq() - (previous == null ? 0 : previous.seq()) - 1;
        OptionalLong linked = Arrays.equals(entry.previousHash(), AuditChain.START) ? OptionalLong.of(0)
                : links.seqOfHash(entry.previousHash());
        if (linked.isEmpty()) {
            if (gapBefore > 0) {
                findings.add(new Finding(Kind.DELETED, entry.seq() - 1));
            } else if (previous != null) {
                findings.add(new Finding(Kind.EDITED, previous.seq()));
            } else {
                findings.add(new Finding(Kind.DELETED, entry.seq() - 1));
            }
        } else if (linked.getAsLong() > entry.seq()) {
            findings.add(new Finding(Kind.REORDERED, entry.seq()));
        } else if (previous != null && !links.linkedTo(previous.hash())) {
            findings.add(new Finding(Kind.INSERTED, previous.seq()));
        } else {
            findings.add(new Finding(Kind.REORDERED, entry.seq()));
        }
    }

    /** The findings, once every entry has been accepted. */
    List<Finding> finish() {
        long end = previous == null ? 0 : previous.seq();
        NavigableMap<Long, byte[]> beyond = seals.tailMap(end, false);
        if (!beyond.isEmpty()) {
            findings.add(new Finding(Kind.TRUNCATED, beyond.lastKey()));
        }
        return List.copyOf(findings);
    }

    long entries() {
        return entries;
    }

    long end() {
        return previous == null ? 0 : previous.seq();
    }
}
