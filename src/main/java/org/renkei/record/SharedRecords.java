package org.renkei.record;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.renkei.access.AccessDecisions;
import org.renkei.access.AccessRequest;
import org.renkei.access.Action;
import org.renkei.access.DataKind;
import org.renkei.access.Decision;
import org.renkei.audit.AuditAction;
import org.renkei.audit.AuditEvent;
import org.renkei.audit.AuditPurpose;
import org.renkei.audit.AuditTrail;
import org.renkei.identity.Actor;
import org.renkei.platform.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The shared records: storing (DOC-02: by a card-authenticated user of an active facility, for a participant who
 * permitted it), new versions and entered-in-error, reading, history and search. Every answer passes the access
 * decision; a record the person may not see is simply not there.
 */
@Service
public class SharedRecords {

    private final Records records;
    private final AccessDecisions access;
    private final Clock clock;
    private final AuditTrail audit;

    SharedRecords(Records records, AccessDecisions access, Clock clock, AuditTrail audit) {
        this.records = records;
        this.access = access;
        this.clock = clock;
        this.audit = audit;
    }

    /** Stores one new record, version 1, authored by the person's facility and staff record. */
    @Transactional
    public StoredRecord store(RecordDraft draft, Actor actor) {
        return storeAll(List.of(draft), actor).get(0);
    }

    /** Stores several new records at once: all of them, or none (a transaction Bundle). */
    @Transactional
    public List<StoredRecord> storeAll(List<RecordDraft> drafts, Actor actor) {
        Instant now = clock.instant();
        List<StoredRecord> stored = new ArrayList<>(drafts.size());
        for (RecordDraft draft : drafts) {
            require(actor, draft.participant(), Action.STORE);
            if (records.find(draft.id()).isPresent()) {
                throw new RecordRefused("record.id.inUse", false);
            }
            var record = new StoredRecord(draft.id(), draft.category().resourceType(), draft.category(),
                    draft.participant(), actor.facilityId(), actor.staffId(), 1, RecordStatus.CURRENT,
                    draft.effectiveAt(), draft.codeSystem(), draft.code(), draft.display(), false,
                    draft.attachmentSha256(), draft.content(), now);
            records.insert(record);
            stored.add(record);
            audit.recordAfterCommit(event(AuditAction.STORE, actor, record, null).build());
        }
        return stored;
    }

    /**
     * Stores a new version of a record (FHIR update). Only the facility that stored a record changes it; the
     * participant and the kind stay.
     */
    @Transactional
    public StoredRecord update(RecordDraft draft, Actor actor) {
        return update(draft, actor, null);
    }

    /**
     * A new version on top of the given one: refused (nothing changes) when the record has moved on since
     * (FHIR {@code If-Match}); {@code null} takes the current version, whichever it is.
     */
    @Transactional
    public StoredRecord update(RecordDraft draft, Actor actor, Integer onVersion) {
        StoredRecord current = ownRecord(draft.id(), actor, onVersion);
        if (!current.participant().equals(draft.participant()) || current.category() != draft.category()) {
            throw new RecordRefused("record.update.identity", false);
        }
        var next = new StoredRecord(current.id(), current.resourceType(), current.category(), current.participant(),
                current.authorFacility(), actor.staffId(), current.version() + 1, RecordStatus.CURRENT,
                draft.effectiveAt(), draft.codeSystem(), draft.code(), draft.display(), false,
                current.attachmentSha256(), draft.content(), clock.instant());
        records.update(next);
        audit.recordAfterCommit(event(AuditAction.UPDATE, actor, next, null).detail("version=" + next.version()).build());
        return next;
    }

    /**
     * Marks a record entered-in-error instead of deleting it: a new version with the given content (the resource
     * with its status set accordingly), kept in the history.
     */
    @Transactional
    public StoredRecord markEnteredInError(UUID id, String content, Actor actor) {
        return markEnteredInError(id, content, actor, null);
    }

    /** Entered-in-error on top of the given version (FHIR {@code If-Match}); {@code null}: the current one. */
    @Transactional
    public StoredRecord markEnteredInError(UUID id, String content, Actor actor, Integer onVersion) {
        StoredRecord current = ownRecord(id, actor, onVersion);
        var next = new StoredRecord(current.id(), current.resourceType(), current.category(), current.participant(),
                current.authorFacility(), actor.staffId(), current.version() + 1, RecordStatus.ENTERED_IN_ERROR,
                current.effectiveAt(), current.codeSystem(), current.code(), current.display(), current.original(),
                current.attachmentSha256(), content, clock.instant());
        records.update(next);
        audit.recordAfterCommit(event(AuditAction.UPDATE, actor, next, null)
                .detail("entered-in-error version=" + next.version()).build());
        return next;
    }

    /**
     * The current version, if it is one the caller asks for ({@code sought}: its kind, its participant) and this
     * person may see it; the view is in the audit trail before it is returned. A record that is not what the caller
     * asks for is simply not there: no decision, no audit entry (nothing of it is shown). Outside a transaction the
     * record is read, decided on and audited in the audit writer's round ({@link AuditTrail#recordView}): one wait.
     */
    public Optional<StoredRecord> read(Actor actor, UUID id, Predicate<StoredRecord> sought) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // read, decided and audited in the audit writer's round: one wait
            return audit.recordView(id, records.current(), record -> viewOf(actor, record, sought, "read"));
        }
        return viewed(actor, id, sought, "read", r -> Optional.of(r));
    }

    /** One version, as {@link #read} (audited as a view). */
    public Optional<StoredRecord> readVersion(Actor actor, UUID id, Predicate<StoredRecord> sought, int version) {
        return viewed(actor, id, sought, "version=" + version, r -> records.version(r, version));
    }

    /** Every version, newest first, as {@link #read}; otherwise empty (audited as a view). */
    public List<StoredRecord> history(Actor actor, UUID id, Predicate<StoredRecord> sought) {
        return viewed(actor, id, sought, "history", r -> Optional.of(records.versions(r))).orElse(List.of());
    }

    /** What {@link #read} is to find: records of these kinds. */
    static Predicate<StoredRecord> ofKind(Set<RecordCategory> kinds) {
        return r -> kinds.contains(r.category());
    }

    /**
     * A participant's records, newest first, with the total; empty when this person may not see them. The search
     * is in the audit trail, with how many records it showed, before it is returned.
     */
    public RecordPage search(Actor actor, RecordQuery query) {
        Decision decision = decision(actor, query.participant(), Action.FIND);
        if (decision.denied()) {
            return RecordPage.EMPTY;
        }
        List<StoredRecord> found = records.search(query);
        // a page that ends before its limit is the last: the total is known without counting
        int total = found.size() < query.limit() && (!found.isEmpty() || query.offset() == 0)
                ? query.offset() + found.size()
                : records.count(query);
        RecordPage page = new RecordPage(found, total);
        audit.record(AuditEvent.of(AuditAction.SEARCH).by(actor).participant(query.participant())
                .resource(query.categories().size() == 1 ? query.categories().iterator().next().resourceType() : null,
                        null)
                .purpose(decision.auditPurpose())
                .detail("shown=" + page.records().size() + " offset=" + query.offset()).build());
        return page;
    }

    /** How many of a participant's records match, if this person may see them (part of a search's answer). */
    public int count(Actor actor, RecordQuery query) {
        return may(actor, query.participant(), Action.FIND) ? records.count(query) : 0;
    }

    /** The current version for a change by this person, without a view in the audit trail. */
    Optional<StoredRecord> current(Actor actor, UUID id) {
        return records.find(id).filter(r -> may(actor, r.participant(), Action.VIEW));
    }

    private <T> Optional<T> viewed(Actor actor, UUID id, Predicate<StoredRecord> sought, String detail,
            Function<StoredRecord, Optional<T>> what) {
        Optional<StoredRecord> found = records.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AuditEvent view = viewOf(actor, found.get(), sought, detail);
        if (view == null) {
            return Optional.empty();
        }
        Optional<T> result = what.apply(found.get());
        if (result.isPresent()) {
            audit.record(view);
        }
        return result;
    }

    /**
     * The entry of this person's view of the record, if it is one the caller asks for and they may see it; else
     * null (nothing of it is shown).
     */
    private AuditEvent viewOf(Actor actor, StoredRecord record, Predicate<StoredRecord> sought, String detail) {
        if (!sought.test(record)) {
            return null;
        }
        Decision decision = decision(actor, record.participant(), Action.VIEW);
        return decision.denied() ? null
                : event(AuditAction.VIEW, actor, record, decision.auditPurpose()).detail(detail).build();
    }

    private static AuditEvent.Builder event(AuditAction action, Actor actor, StoredRecord record, AuditPurpose purpose) {
        return AuditEvent.of(action).by(actor).participant(record.participant())
                .resource(record.resourceType(), record.id()).purpose(purpose);
    }

    /** How many of the participant's records other facilities stored since the instant, if permitted. */
    public int storedSince(Actor actor, UUID participant, Instant since) {
        if (!may(actor, participant, Action.VIEW) || actor.facilityId() == null) {
            return 0;
        }
        return records.storedSince(participant, actor.facilityId(), since);
    }

    /** Whether this person may see the participant's records now. */
    public boolean maySee(Actor actor, UUID participant) {
        return may(actor, participant, Action.VIEW);
    }

    private StoredRecord ownRecord(UUID id, Actor actor, Integer onVersion) {
        StoredRecord current = records.lock(id).filter(r -> may(actor, r.participant(), Action.VIEW))
                .orElseThrow(() -> new NotFoundException("record"));
        require(actor, current.participant(), Action.UPDATE);
        if (!current.authorFacility().equals(actor.facilityId())) {
            throw new RecordRefused("record.update.otherFacility", true);
        }
        if (onVersion != null && onVersion != current.version()) {
            throw new RecordVersionConflict(onVersion, current.version());
        }
        return current;
    }

    private boolean may(Actor actor, UUID participant, Action action) {
        return access.permits(AccessRequest.of(actor, participant, action, DataKind.CENTRE_RECORD));
    }

    private Decision decision(Actor actor, UUID participant, Action action) {
        return access.decide(AccessRequest.of(actor, participant, action, DataKind.CENTRE_RECORD));
    }

    private void require(Actor actor, UUID participant, Action action) {
        Decision decision = access.decide(AccessRequest.of(actor, participant, action, DataKind.CENTRE_RECORD));
        if (decision.permitted()) {
            return;
        }
        switch (decision.reason()) {
            case CARD_REQUIRED -> throw new RecordRefused("record.cardRequired", true);
            case NOT_ALLOWED_FOR_SESSION, FACILITY_NOT_ACTIVE, USER_NOT_ACTIVE, PURPOSE_NOT_OPEN ->
                    throw new RecordRefused("record.session.notAllowed", true);
            default -> throw new RecordRefused("record.participant.unknown", false);
        }
    }
}
