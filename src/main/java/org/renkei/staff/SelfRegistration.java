package org.renkei.staff;

import org.renkei.audit.AuditAction;
import org.renkei.audit.AuditEvent;
import org.renkei.audit.AuditTrail;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.renkei.facility.Facility;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.identity.Actor;
import org.renkei.identity.LoginAccounts;
import org.renkei.identity.PasswordPolicy;
import org.renkei.identity.Profession;
import org.renkei.platform.web.InvalidInputException;
import org.renkei.platform.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Provisional accounts (仮アカウント, USR-03). A member of staff of an active member facility registers on a public
 * page with their facility's code, name, profession, e-mail, and the ID and password they want. The facility's
 * administrator confirms it in their console: that files the user add application for the person (the operator
 * decides it as any other) and opens the account, as that applying user, for at most 180 days. It ends earlier
 * when the application is refused (the user is then refused, and the account closed).
 */
@Service
public class SelfRegistration {

    private static final Logger log = LoggerFactory.getLogger(SelfRegistration.class);

    /** What the registration page asks. */
    public record Form(String facilityCode, String familyName, String givenName, String familyNameKana,
            String givenNameKana, Profession profession, String email, String username, String password,
            String confirmation) {
    }

    private final ProvisionalRegistrations registrations;
    private final StaffRegistry registry;
    private final FacilityRegistry facilities;
    private final LoginAccounts accounts;
    private final Clock clock;
    private final AuditTrail audit;

    SelfRegistration(ProvisionalRegistrations registrations, StaffRegistry registry, FacilityRegistry facilities,
            LoginAccounts accounts, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.registrations = registrations;
        this.registry = registry;
        this.facilities = facilities;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Records a self-registration; refused with the first rule it breaks, before anything is written. */
    @Transactional
    public UUID register(Form form) {
        String code = form.facilityCode() == null ? "" : form.facilityCode().strip();
        Facility facility = facilities.findByCode(code).filter(Facility::isActive)
                .orElseThrow(() -> new InvalidInputException("register.facility.unknown"));
        NewStaff details = new NewStaff(form.familyName(), form.givenName(), form.familyNameKana(),
                form.givenNameKana(), form.profession(), form.email());
        details.problem().ifPresent(problem -> {
            throw new InvalidInputException(problem);
        });
        if (details.email() == null) {
            throw new InvalidInputException("register.email.missing");
        }
        String username = form.username() == null ? null : form.username().strip();
        PasswordPolicy.problem(form.password()).ifPresent(problem -> {
            throw new InvalidInputException(problem);
        });
        if (!form.password().equals(form.confirmation())) {
            throw new InvalidInputException("password.confirmation.mismatch");
        }
        UUID accountId = accounts.registerProvisional(username,
                details.familyName() + " " + details.givenName(), form.password(), facility.id().value());
        UUID id = UUID.randomUUID();
        registrations.insert(id, facility.id(), accountId, username, details, clock.instant());
        log.info("Self-registration {} for facility {} waits for its administrator", id, facility.id());
        return id;
    }

    /** The registrations waiting for the facility administrator, oldest first. */
    public List<ProvisionalRegistration> waitingFor(FacilityId facility) {
        return registrations.waitingFor(facility);
    }

    public Optional<ProvisionalRegistration> find(UUID id) {
        return registrations.find(id);
    }

    /**
     * The facility's administrator confirms the registration: the person's user add application is filed (the
     * person is applying from now) and the provisional account logs in as them for 180 days.
     */
    @Transactional
    public StaffId confirm(UUID id, Actor administrator) {
        audit.recordAfterCommit(AuditEvent.of(AuditAction.ADMINISTRATION).by(administrator).resource("ProvisionalRegistration", id).detail("confirmed").build());
        ProvisionalRegistration registration = waiting(id, administrator);
        StaffId staffId = registry.applyToAddAsAdministrator(registration.facility(), registration.details(),
                administrator);
        accounts.confirmProvisional(registration.accountId(), staffId.value());
        registrations.decide(id, ProvisionalRegistration.Status.CONFIRMED, clock.instant(), who(administrator),
                staffId);
        log.info("Self-registration {} confirmed: staff {}", id, staffId);
        return staffId;
    }

    /** The facility's administrator turns the registration down: nothing is filed and the account is closed. */
    @Transactional
    public void reject(UUID id, Actor administrator) {
        audit.recordAfterCommit(AuditEvent.of(AuditAction.ADMINISTRATION).by(administrator).resource("ProvisionalRegistration", id).detail("rejected").build());
        ProvisionalRegistration registration = waiting(id, administrator);
        accounts.closeProvisional(registration.accountId(), "registration turned down by the facility administrator");
        registrations.decide(id, ProvisionalRegistration.Status.REJECTED, clock.instant(), who(administrator), null);
        log.info("Self-registration {} turned down", id);
    }

    /** A waiting registration of the administrator's own facility; anyone else's is not found. */
    private ProvisionalRegistration waiting(UUID id, Actor administrator) {
        ProvisionalRegistration registration = registrations.lock(id)
                .filter(r -> administrator != null && administrator.administers(r.facility().value()))
                .orElseThrow(() -> new NotFoundException("registration"));
        if (registration.status() != ProvisionalRegistration.Status.WAITING) {
            throw new InvalidInputException("register.alreadyDecided");
        }
        return registration;
    }

    /** Until when a registration confirmed at this time gives a provisional account. */
    public static Instant validUntil(Instant confirmedAt) {
        return confirmedAt.plus(LoginAccounts.PROVISIONAL_VALIDITY);
    }

    private static String who(Actor actor) {
        return actor.displayName() + " (" + actor.username() + ")";
    }
}
