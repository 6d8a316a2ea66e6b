package org.renkei.audit;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.renkei.identity.Actor;
import org.renkei.identity.CurrentActor;
import org.renkei.platform.fhir.Outcomes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The audit trail as FHIR {@code AuditEvent} (BALP shape, see {@link AuditFhir}), for the operator only: read by
 * id, and search by {@code patient} ({@code Patient/<participant id>}), {@code date} (ranges: {@code ge}, {@code
 * le}, …), {@code agent} (the acting staff member's or account's id, or {@code Practitioner/<id>}), {@code
 * agent-name} (part of the user name or name), {@code action} (C, R, U, D, E), {@code outcome} (0, 4, 8) and
 * {@code _count}; newest first, paged. Staff are refused (403); reading is itself audited.
 */
@Component
class AuditEventProvider implements IResourceProvider {

    private final AuditQuery query;
    private final AuditSearch search;
    private final AuditTrail trail;
    private final MessageSource messages;
    private final String serverUrl;

    AuditEventProvider(AuditQuery query, AuditSearch search, AuditTrail trail, MessageSource messages,
            @Value("${renkei.public-url:https://localhost:8443}") String publicUrl) {
        this.query = query;
        this.search = search;
        this.trail = trail;
        this.messages = messages;
        this.serverUrl = publicUrl.endsWith("/") ? publicUrl + "fhir" : publicUrl + "/fhir";
    }

    @Override
    public Class<org.hl7.fhir.r4.model.AuditEvent> getResourceType() {
        return org.hl7.fhir.r4.model.AuditEvent.class;
    }

    @Read
    public org.hl7.fhir.r4.model.AuditEvent read(@IdParam IdType id) {
        Actor operator = operator();
        UUID uuid;
        try {
            uuid = UUID.fromString(id.getIdPart());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ResourceNotFoundException(id);
        }
        AuditEntry entry = query.find(uuid).orElseThrow(() -> new ResourceNotFoundException(id));
        trail.recordLater(AuditEvent.of(AuditAction.VIEW).by(operator).resource(AuditSearch.RESOURCE_TYPE, uuid)
                .detail("fhir read").build());
        return AuditFhir.toFhir(entry, search.facilityNames(), serverUrl);
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = "patient") ReferenceParam patient,
            @OptionalParam(name = "date") DateRangeParam date,
            @OptionalParam(name = "agent") ReferenceParam agent,
            @OptionalParam(name = "agent-name") ca.uhn.fhir.rest.param.StringParam agentName,
            @OptionalParam(name = "action") TokenOrListParam action,
            @OptionalParam(name = "outcome") TokenParam outcome) {
        Actor operator = operator();
        UUID participant = null;
        if (patient != null) {
            if (patient.getChain() != null || patient.getIdPart() == null
                    || (patient.getResourceType() != null && !"Patient".equals(patient.getResourceType()))) {
                throw invalid("audit.fhir.patient");
            }
            participant = uuid(patient.getIdPart()).orElse(AuditFilter.NOBODY);
        }
        UUID agentId = null;
        String agentText = agentName == null || agentName.getValue() == null ? null : agentName.getValue();
        if (agent != null && agent.getIdPart() != null) {
            Optional<UUID> id = uuid(agent.getIdPart());
            if (id.isPresent()) {
                agentId = id.get();
            } else {
                agentText = agent.getIdPart();
            }
        }
        Instant from = null;
        Instant to = null;
        if (date != null) {
            Date lower = date.getLowerBoundAsInstant();
            Date upper = date.getUpperBoundAsInstant();
            from = lower == null ? null : lower.toInstant();
            to = upper == null ? null : upper.toInstant();
        }
        AuditOutcome wanted = null;
        if (outcome != null && outcome.getValue() != null) {
            wanted = outcomeOf(outcome.getValue());
        }
        Set<AuditAction> actions = actions(action);
        var filter = new AuditFilter(participant, agentId, agentText, null, from, to, actions, null, wanted);
        if (action != null && actions.isEmpty()) {
            return new SimpleBundleProvider();
        }
        trail.recordLater(AuditEvent.of(AuditAction.SEARCH).by(operator)
                .resource(AuditSearch.RESOURCE_TYPE, null).detail("fhir search: " + filter.describe()).build());
        return new Results(filter, operator.accountId());
    }

    /** The acts whose BALP action code is one of those asked for; null param: every act. */
    private Set<AuditAction> actions(TokenOrListParam param) {
        if (param == null) {
            return Set.of();
        }
        Set<AuditEventAction> codes = EnumSet.noneOf(AuditEventAction.class);
        for (TokenParam token : param.getValuesAsQueryTokens()) {
            try {
                codes.add(AuditEventAction.fromCode(token.getValue()));
            } catch (Exception e) {
                throw invalid("audit.fhir.action");
            }
        }
        Set<AuditAction> actions = EnumSet.noneOf(AuditAction.class);
        for (AuditAction a : AuditAction.values()) {
            if (codes.contains(AuditFhir.actionOf(a))) {
                actions.add(a);
            }
        }
        return actions;
    }

    private AuditOutcome outcomeOf(String code) {
        switch (code) {
            case "0":
                return AuditOutcome.SUCCESS;
            case "4":
                return AuditOutcome.DENIED;
            case "8":
            case "12":
                return AuditOutcome.FAILURE;
            default:
                throw invalid("audit.fhir.outcome");
        }
    }

    /** The operator calling; anyone else is refused (403). */
    private Actor operator() {
        return CurrentActor.get().filter(Actor::isOperator).orElseThrow(() -> {
            OperationOutcome outcome = Outcomes.invalid(messages, "audit.fhir.operatorOnly");
            outcome.getIssueFirstRep().setCode(OperationOutcome.IssueType.FORBIDDEN);
            return new ForbiddenOperationException(outcome.getIssueFirstRep().getDiagnostics(), outcome);
        });
    }

    private InvalidRequestException invalid(String key) {
        OperationOutcome outcome = Outcomes.invalid(messages, key);
        return new InvalidRequestException(outcome.getIssueFirstRep().getDiagnostics(), outcome);
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /**
     * A search answered page by page; every page is read again as the operator fetching it, and answers nothing
     * to anybody else (a next-page link is not a key).
     */
    private final class Results implements IBundleProvider {

        static final int PAGE_SIZE = 50;

        private final AuditFilter filter;
        private final UUID account;
        private final Date published = new Date();

        Results(AuditFilter filter, UUID account) {
            this.filter = filter;
            this.account = account;
        }

        private boolean sameOperator() {
            return CurrentActor.get().filter(a -> a.isOperator() && account.equals(a.accountId())).isPresent();
        }

        @Override
        public IPrimitiveType<Date> getPublished() {
            return new InstantType(published);
        }

        @Override
        public List<IBaseResource> getResources(int from, int to) {
            if (!sameOperator() || to <= from) {
                return List.of();
            }
            var names = search.facilityNames();
            List<IBaseResource> page = new ArrayList<>();
            for (AuditEntry entry : query.slice(filter, from, to - from)) {
                page.add(AuditFhir.toFhir(entry, names, serverUrl));
            }
            return page;
        }

        @Override
        public String getUuid() {
            return null;
        }

        @Override
        public Integer preferredPageSize() {
            return PAGE_SIZE;
        }

        @Override
        public Integer size() {
            return sameOperator() ? query.count(filter) : 0;
        }
    }
}
