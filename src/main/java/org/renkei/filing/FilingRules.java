package org.renkei.filing;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The due rules of an application, as pure functions. A rule broken returns the message key saying which.
 */
final class FilingRules {

    private FilingRules() {
    }

    /** The operator's deadline to decide: N days from receipt (30 for facilities, 15 for users). */
    static LocalDate decideBy(FilingKind kind, LocalDate receivedOn) {
        return receivedOn.plusDays(kind.decisionDays());
    }

    /** What is wrong with the dates of an application received on {@code receivedOn}, checked on {@code today}. */
    static Optional<String> datesProblem(FilingKind kind, LocalDate receivedOn, LocalDate wishedOn, LocalDate today) {
        if (receivedOn == null || wishedOn == null) {
            return Optional.of("filing.dates.missing");
        }
        if (receivedOn.isAfter(today)) {
            return Optional.of("filing.received.future");
        }
        if (wishedOn.isBefore(today)) {
            return Optional.of("filing.wished.past");
        }
        if (wishedOn.isBefore(receivedOn.plusDays(kind.leadDays()))) {
            return Optional.of(kind.concernsStaff() ? "filing.wished.tooSoon.staff" : "filing.wished.tooSoon.facility");
        }
        return Optional.empty();
    }

    /** The day an accepted application takes effect: the wished day, or the decision day if that is later. */
    static LocalDate effectiveOn(LocalDate wishedOn, LocalDate decidedOn) {
        return wishedOn.isBefore(decidedOn) ? decidedOn : wishedOn;
    }

    /** What is wrong with refusing an application of this kind for this reason. */
    static Optional<String> refusalProblem(FilingKind kind, RefusalReason reason, String details) {
        if (reason == null) {
            return Optional.of("filing.refusal.reason.missing");
        }
        if (kind == FilingKind.FACILITY_NEW && !reason.mayRefuseJoining()) {
            return Optional.of("filing.refusal.openParticipation");
        }
        if (details == null || details.isBlank()) {
            return Optional.of("filing.refusal.details.missing");
        }
        return Optional.empty();
    }
}
