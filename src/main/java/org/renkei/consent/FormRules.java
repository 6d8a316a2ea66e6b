package org.renkei.consent;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.renkei.facility.FacilityId;

/**
 * What makes a form acceptable, as a pure function of the form, the day, which facilities are active members and
 * the participant it concerns. Checked when the form is entered and again when it is registered (the state may
 * have changed in between). A problem is a message key with its arguments.
 */
final class FormRules {

    record Problem(String key, Object... arguments) {
    }

    /** The participant a form concerns, as registered now. */
    record Concerned(Participant participant, ConsentState state, Map<FacilityId, FacilityLink> links,
            boolean cardInvalidated) {
    }

    private FormRules() {
    }

    static Optional<Problem> problem(FormEntry form, LocalDate today, Predicate<FacilityId> activeMember,
            Concerned concerned) {
        if (form.kind() == null) {
            return fail("consent.kind.missing");
        }
        if (form.receivingFacility() == null) {
            return fail("consent.receiving.missing");
        }
        if (!activeMember.test(form.receivingFacility())) {
            return fail("consent.receiving.notMember");
        }
        if (form.explainedBy() == null) {
            return fail("consent.explainedBy.missing");
        }
        if (form.receivedOn() == null) {
            return fail("consent.receivedOn.missing");
        }
        if (form.receivedOn().isAfter(today)) {
            return fail("consent.receivedOn.future");
        }
        if (form.scan() != null && !(form.scan().contentType().startsWith("image/")
                || form.scan().contentType().equals("application/pdf"))) {
            return fail("consent.scan.type");
        }
        Optional<Problem> identity = form.kind() == FormKind.NEW ? newPatient(form, today) : concerned(form, concerned);
        if (identity.isPresent()) {
            return identity;
        }
        PatientDetails patient = form.kind() == FormKind.NEW ? form.patient() : concerned.participant().details();
        Optional<Problem> signature = signature(form, patient, form.receivedOn());
        if (signature.isPresent()) {
            return signature;
        }
        return switch (form.kind()) {
            case NEW -> listedToPermit(form, activeMember, null);
            case ADD -> form.listed().isEmpty() ? fail("consent.listed.missing")
                    : listedToPermit(form, activeMember, concerned);
            case CHANGE -> change(form, today, concerned);
            case WITHDRAWAL, CARD_REISSUE -> form.listed().isEmpty() ? Optional.empty()
                    : fail("consent.listed.notExpected");
        };
    }

    private static Optional<Problem> newPatient(FormEntry form, LocalDate today) {
        if (form.patient() == null) {
            return fail("consent.patient.name.missing");
        }
        var problem = form.patient().problem(today);
        if (problem.isPresent()) {
            return fail(problem.get());
        }
        if (form.listed().isEmpty()) {
            return fail("consent.listed.missing");
        }
        return Optional.empty();
    }

    /** The participant named by the card (or, on a re-issue, by the patient number) exists and takes part. */
    private static Optional<Problem> concerned(FormEntry form, Concerned concerned) {
        if (form.cardNumber() == null && !(form.kind() == FormKind.CARD_REISSUE && form.patientNumber() != null)) {
            return fail(form.kind() == FormKind.CARD_REISSUE ? "consent.reissue.identify" : "consent.card.missing");
        }
        if (form.cardNumber() != null && !CardNumbers.isValid(form.cardNumber())) {
            return fail("consent.card.checkDigit");
        }
        if (concerned == null) {
            return fail(form.cardNumber() != null ? "consent.card.unknown" : "consent.reissue.unknownPatient");
        }
        if (concerned.cardInvalidated() && form.kind() != FormKind.CARD_REISSUE) {
            return fail("consent.card.invalidated");
        }
        if (!concerned.state().participating()) {
            return fail("consent.concerned.withdrawn");
        }
        return Optional.empty();
    }

    private static Optional<Problem> signature(FormEntry form, PatientDetails patient, LocalDate on) {
        if (form.signer() == null) {
            return fail("consent.signer.missing");
        }
        if (form.signerName() == null) {
            return fail("consent.signer.name.missing");
        }
        boolean minor = patient.minorOn(on);
        switch (form.signer()) {
            case PATIENT -> {
                if (form.patientCannotSign()) {
                    return fail("consent.signer.patientCannotSign");
                }
                if (minor) {
                    return fail("consent.signer.minorNeedsGuardian");
                }
            }
            case GUARDIAN -> {
                if (!minor) {
                    return fail("consent.signer.guardianForMinor");
                }
                if (form.signerRelationship() == null) {
                    return fail("consent.signer.relationship.missing");
                }
            }
            case FAMILY, RELATIVE -> {
                if (minor) {
                    return fail("consent.signer.minorNeedsGuardian");
                }
                if (!form.patientCannotSign()) {
                    return fail("consent.signer.proxyOnlyIfCannotSign");
                }
                if (form.signerRelationship() == null) {
                    return fail("consent.signer.relationship.missing");
                }
                if (form.identityDocument() == null) {
                    return fail("consent.signer.identityDocument.missing");
                }
            }
        }
        if (form.coSignerName() != null && form.signer().isProxy()) {
            return fail("consent.signer.coSignerOnlyForPatient");
        }
        return Optional.empty();
    }

    private static Optional<Problem> listedToPermit(FormEntry form, Predicate<FacilityId> activeMember,
            Concerned concerned) {
        var seen = new HashSet<FacilityId>();
        for (ListedFacility listed : form.listed()) {
            if (listed.facility() == null) {
                return fail("consent.listed.facility.missing");
            }
            if (!seen.add(listed.facility())) {
                return fail("consent.listed.twice");
            }
            if (listed.listing() != Listing.PERMIT) {
                return fail("consent.listed.permitOnly");
            }
            if (!activeMember.test(listed.facility())) {
                return fail("consent.listed.notMember");
            }
            if (listed.patientNumber() == null) {
                return fail("consent.listed.patientNumber.missing");
            }
            if (listed.patientNumber().length() > 20) {
                return fail("consent.listed.patientNumber.invalid");
            }
            if (concerned != null) {
                FacilityLink link = concerned.links().get(listed.facility());
                if (concerned.state().denied().contains(listed.facility())) {
                    return fail("consent.add.denied");
                }
                if (link != null && link.permitted()) {
                    return fail("consent.add.alreadyPermitted");
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> change(FormEntry form, LocalDate today, Concerned concerned) {
        if (form.listed().isEmpty() && form.patient() == null) {
            return fail("consent.change.nothing");
        }
        if (form.patient() != null) {
            var problem = form.patient().problem(today);
            if (problem.isPresent()) {
                return fail(problem.get());
            }
        }
        var seen = new HashSet<FacilityId>();
        for (ListedFacility listed : form.listed()) {
            if (listed.facility() == null) {
                return fail("consent.listed.facility.missing");
            }
            if (!seen.add(listed.facility())) {
                return fail("consent.listed.twice");
            }
            switch (listed.listing()) {
                case PERMIT -> {
                    return fail("consent.change.permitIsAdd");
                }
                case DENY -> {
                    if (concerned.state().denied().contains(listed.facility())) {
                        return fail("consent.change.alreadyDenied");
                    }
                }
                case LIFT -> {
                    if (!concerned.state().denied().contains(listed.facility())) {
                        return fail("consent.change.notDenied");
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> fail(String key, Object... arguments) {
        return Optional.of(new Problem(key, arguments));
    }
}
