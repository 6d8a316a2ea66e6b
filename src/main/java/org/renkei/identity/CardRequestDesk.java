package org.renkei.identity;

import org.springframework.context.ApplicationEventPublisher;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.renkei.identity.StaffDirectory.StaffProfile;
import org.renkei.platform.web.InvalidInputException;
import org.renkei.platform.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The way to a network card (USR-02, USR-07): the administrator of the user's facility requests it — a first
 * card, or a re-issue for a lost or broken one — and the operator issues it (from the card's signing request, or
 * as a soft token for testing) or refuses with a reason. Issuing a re-issue revokes the user's previous cards:
 * a lost one as compromised, a broken one as superseded.
 */
@Service
class CardRequestDesk {

    static final int NOTE_MAX = 500;

    private final CardRequests requests;
    private final NetworkCardAuthority authority;
    private final StaffDirectory directory;
    private final Clock clock;

    private final ApplicationEventPublisher events;

    CardRequestDesk(CardRequests requests, NetworkCardAuthority authority, StaffDirectory directory, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.requests = requests;
        this.authority = authority;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * A facility administrator's request for a user of their own facility. A user of another facility is not
     * found; a doctor or pharmacist, an inactive user, a first card for a user who has one, or a second open
     * request is refused with a message. Nothing is written then.
     */
    @Transactional
    UUID request(UUID staffId, CardRequest.Reason reason, String note, Actor actor) {
        events.publishEvent(new AdministrativeAct(actor, "card requested", "Staff", String.valueOf(staffId)));
        StaffProfile profile = staffId == null ? null : directory.profile(staffId)
                .filter(p -> actor != null && actor.administers(p.facilityId())).orElse(null);
        if (profile == null) {
            throw new NotFoundException("staff member");
        }
        if (reason == null) {
            throw new InvalidInputException("ca.request.reason.missing");
        }
        if (note != null && note.strip().length() > NOTE_MAX) {
            throw new InvalidInputException("ca.request.note.tooLong", NOTE_MAX);
        }
        authority.eligible(staffId);
        if (reason == CardRequest.Reason.NEW && !authority.validCardsOf(staffId).isEmpty()) {
            throw new InvalidInputException("ca.request.hasCard");
        }
        if (requests.hasOpen(staffId)) {
            throw new InvalidInputException("ca.request.open");
        }
        var request = new CardRequest(UUID.randomUUID(), staffId, profile.facilityId(), reason,
                note == null || note.isBlank() ? null : note.strip(), CardRequest.Status.REQUESTED, clock.instant(),
                who(actor), null, null, null, null);
        requests.insert(request);
        return request.id();
    }

    /** Issues the card for a request from the card's signing request (PEM or DER). */
    @Transactional
    CardCertificate issueFromCsr(UUID requestId, byte[] csr, Actor operator) {
        events.publishEvent(new AdministrativeAct(operator, "card issued from CSR", "CardRequest", String.valueOf(requestId)));
        CardRequest request = lockOpen(requestId, operator);
        authority.eligible(request.staffId());
        CardCsr.publicKeyOf(csr); // refuse a bad request before revoking anything
        revokePrevious(request, operator);
        CardCertificate card = authority.issueFromCsr(request.staffId(), csr, who(operator));
        requests.issued(request.id(), card.id(), clock.instant(), who(operator));
        return card;
    }

    /** What a soft token's one showing carries: the file and its password, kept nowhere else. */
    record IssuedSoftToken(CardCertificate card, byte[] pkcs12, char[] password) {
    }

    /** Issues a soft token (testing) for a request; its password is made here and returned once. */
    @Transactional
    IssuedSoftToken issueSoftToken(UUID requestId, Actor operator) {
        events.publishEvent(new AdministrativeAct(operator, "card issued as soft token", "CardRequest", String.valueOf(requestId)));
        CardRequest request = lockOpen(requestId, operator);
        authority.eligible(request.staffId());
        revokePrevious(request, operator);
        char[] password = SoftTokens.newPassword();
        NetworkCardAuthority.SoftToken token = authority.softToken(request.staffId(), password, who(operator));
        requests.issued(request.id(), token.card().id(), clock.instant(), who(operator));
        return new IssuedSoftToken(token.card(), token.pkcs12(), password);
    }

    @Transactional
    void refuse(UUID requestId, String reason, Actor operator) {
        events.publishEvent(new AdministrativeAct(operator, "card request refused", "CardRequest", String.valueOf(requestId)));
        CardRequest request = lockOpen(requestId, operator);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("ca.refusal.reason.missing");
        }
        requests.refused(request.id(), reason.strip(), clock.instant(), who(operator));
    }

    CardRequest get(UUID requestId) {
        return requests.find(requestId).orElseThrow(() -> new NotFoundException("card request"));
    }

    List<CardRequest> open() {
        return requests.open();
    }

    List<CardRequest> recentlyDecided() {
        return requests.recentlyDecided(30);
    }

    List<CardRequest> ofFacility(UUID facilityId) {
        return requests.ofFacility(facilityId);
    }

    List<CardRequest> ofStaff(UUID staffId) {
        return requests.ofStaff(staffId);
    }

    private void revokePrevious(CardRequest request, Actor operator) {
        authority.revokeAllOf(request.staffId(), request.reason().revokesPreviousAs(), who(operator));
    }

    private CardRequest lockOpen(UUID requestId, Actor operator) {
        if (operator == null || !operator.isOperator()) {
            throw new InvalidInputException("ca.operatorOnly");
        }
        CardRequest request = requests.lock(requestId).orElseThrow(() -> new NotFoundException("card request"));
        if (!request.isOpen()) {
            throw new InvalidInputException("ca.request.decided");
        }
        return request;
    }

    static String who(Actor actor) {
        return actor.displayName() + " (" + actor.username() + ")";
    }
}
