package org.renkei.record;

import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.method.ResponsePage;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Resource;
import org.renkei.identity.Actor;
import org.renkei.identity.CurrentActor;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A search of one participant's records, answered page by page. HAPI keeps it for the next pages; every page and
 * every total is asked again of the store as the person fetching it, so a next-page link answers nothing to anyone
 * but the account that searched, and nothing more once the access decision says no (a withdrawal in between).
 * Within one HTTP request the page fetched for the total also answers the resources (HAPI asks for the size more
 * than once and then for the first page): it was asked of the store by the same person in the same request.
 */
final class RecordSearchResults implements IBundleProvider {

    static final int PAGE_SIZE = 20;

    private final SharedRecords records;
    private final RecordQuery query;
    private final UUID account;
    private final java.util.function.Function<StoredRecord, Resource> present;
    private final BiFunction<Actor, Resource, List<Resource>> includes;
    private final Date published = new Date();
    private final String uuid = null;
    /** The last page asked of the store, and the HTTP request it was asked in; reused only in that request. */
    private volatile Fetched fetched;

    private record Fetched(Object request, UUID account, int offset, int limit, RecordPage page) {

        /** The records from {@code from} up to {@code to} if this page holds them all (or all there are). */
        List<StoredRecord> covering(int from, int to) {
            List<StoredRecord> records = page.records();
            boolean complete = records.size() < limit;
            if (from < offset || (to > offset + limit && !complete)) {
                return null;
            }
            int start = Math.min(from - offset, records.size());
            int end = Math.min(to - offset, records.size());
            return records.subList(start, end);
        }
    }

    RecordSearchResults(SharedRecords records, RecordQuery query, Actor searcher,
            java.util.function.Function<StoredRecord, Resource> present,
            BiFunction<Actor, Resource, List<Resource>> includes) {
        this.records = records;
        this.query = query;
        this.account = searcher.accountId();
        this.present = present;
        this.includes = includes;
    }

    /** The person fetching this page, if it is the one who searched. */
    private Optional<Actor> searcher() {
        return CurrentActor.get().filter(a -> account.equals(a.accountId()));
    }

    @Override
    public IPrimitiveType<Date> getPublished() {
        return new InstantType(published);
    }

    @Override
    public List<IBaseResource> getResources(int from, int to) {
        Optional<Actor> actor = searcher();
        if (actor.isEmpty() || to <= from) {
            return List.of();
        }
        List<IBaseResource> page = new ArrayList<>();
        Map<String, Resource> included = new LinkedHashMap<>();
        Fetched known = fetched;
        List<StoredRecord> reused = known != null && known.request() == currentRequest()
                && known.account().equals(account) ? known.covering(from, to) : null;
        int offset = reused != null ? to : from;
        if (reused != null) {
            for (StoredRecord record : reused) {
                Resource resource = present.apply(record);
                page.add(resource);
                for (Resource include : includes.apply(actor.get(), resource)) {
                    included.putIfAbsent(include.getIdElement().toUnqualifiedVersionless().getValue(), include);
                }
            }
        }
        while (offset < to) {
            int limit = Math.min(to - offset, RecordQuery.MAX_LIMIT);
            RecordPage found = records.search(actor.get(), at(offset, limit));
            for (StoredRecord record : found.records()) {
                Resource resource = present.apply(record);
                page.add(resource);
                for (Resource include : includes.apply(actor.get(), resource)) {
                    included.putIfAbsent(include.getIdElement().toUnqualifiedVersionless().getValue(), include);
                }
            }
            if (found.records().size() < limit) {
                break;
            }
            offset += limit;
        }
        for (Resource include : included.values()) {
            ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(include, BundleEntrySearchModeEnum.INCLUDE);
            page.add(include);
        }
        return page;
    }

    @Override
    public List<IBaseResource> getResources(int from, int to, ResponsePage.ResponsePageBuilder builder) {
        return getResources(from, to);
    }

    private RecordQuery at(int offset, int limit) {
        return new RecordQuery(query.participant(), query.categories(), query.from(), query.to(),
                query.authorFacility(), query.codeSystem(), query.code(), query.includeEnteredInError(), offset, limit);
    }

    @Override
    public String getUuid() {
        return uuid;
    }

    @Override
    public Integer preferredPageSize() {
        return PAGE_SIZE;
    }

    /** The number of matching records the person fetching may see now. */
    @Override
    public Integer size() {
        Optional<Actor> actor = searcher();
        if (actor.isEmpty()) {
            return 0;
        }
        Object request = currentRequest();
        Fetched known = fetched;
        if (request != null && known != null && known.request() == request && known.account().equals(account)) {
            return known.page().total();
        }
        RecordPage first = records.search(actor.get(), at(0, PAGE_SIZE));
        if (request != null) {
            fetched = new Fetched(request, account, 0, PAGE_SIZE, first);
        }
        return first.total();
    }

    /**
     * The HTTP request being answered, as the attributes object Spring binds to it for that request only (a new one
     * per request, unlike the servlet container's request objects, which are recycled); null outside a request.
     */
    private static Object currentRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes;
    }
}
