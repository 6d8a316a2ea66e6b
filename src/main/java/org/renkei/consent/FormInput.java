package org.renkei.consent;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.renkei.facility.FacilityId;
import org.renkei.platform.web.InvalidInputException;

/**
 * A paper form as typed into the entry page, kept as text so that a page shown again with its problem keeps
 * everything that was typed. The listed facilities come as parallel lists (one row per line of the paper).
 */
record FormInput(String kind, String receivingFacility, String explainedBy, String signer, String signerName,
        String signerRelationship, String identityDocument, String coSignerName, Boolean patientCannotSign,
        String familyName, String givenName, String familyNameKana, String givenNameKana, String birthDate,
        String sex, String phone, String postalCode, String address, String cardNumber, String patientNumber,
        List<String> listedFacility, List<String> listedNumber, List<String> listedListing,
        Boolean deletionRequested, String receivedOn) {

    /** Rows of listed facilities shown on the entry page. */
    static final int ROWS = 6;

    static FormInput blank(FormKind kind, String receivingFacility, LocalDate today) {
        return new FormInput(kind.name(), receivingFacility, null, Signer.PATIENT.name(), null, null, null, null, false,
                null, null, null, null, null, null, null, null, null, null, null, List.of(), List.of(), List.of(),
                false, today.toString());
    }

    FormKind formKind() {
        try {
            return FormKind.valueOf(kind);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("consent.kind.missing");
        }
    }

    FormEntry entry(FacilityId receiving, FormEntry.Scan scan) {
        FormKind formKind = formKind();
        return new FormEntry(formKind, receiving, explainedBy, parseSigner(), signerName, signerRelationship,
                identityDocument, coSignerName, Boolean.TRUE.equals(patientCannotSign), patient(formKind), cardNumber,
                patientNumber,
                listed(formKind), Boolean.TRUE.equals(deletionRequested), date(receivedOn, "consent.receivedOn.missing"), scan);
    }

    public String listedFacilityAt(int i) {
        return listedFacility != null && i < listedFacility.size() ? listedFacility.get(i) : "";
    }

    public String listedNumberAt(int i) {
        return listedNumber != null && i < listedNumber.size() ? listedNumber.get(i) : "";
    }

    public String listedListingAt(int i) {
        return listedListing != null && i < listedListing.size() ? listedListing.get(i) : "";
    }

    private PatientDetails patient(FormKind formKind) {
        boolean any = notBlank(familyName) || notBlank(givenName) || notBlank(familyNameKana)
                || notBlank(givenNameKana) || notBlank(birthDate) || notBlank(phone);
        if (formKind != FormKind.NEW && (formKind != FormKind.CHANGE || !any)) {
            return null;
        }
        Sex parsedSex = null;
        if (notBlank(sex)) {
            try {
                parsedSex = Sex.valueOf(sex);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("consent.patient.sex.missing");
            }
        }
        return new PatientDetails(familyName, givenName, familyNameKana, givenNameKana,
                notBlank(birthDate) ? date(birthDate, "consent.patient.birthDate.invalid") : null, parsedSex, phone,
                postalCode, address);
    }

    private List<ListedFacility> listed(FormKind formKind) {
        var rows = new ArrayList<ListedFacility>();
        int n = listedFacility == null ? 0 : listedFacility.size();
        for (int i = 0; i < n; i++) {
            String facility = listedFacilityAt(i);
            String number = listedNumberAt(i);
            if (!notBlank(facility)) {
                if (notBlank(number)) {
                    throw new InvalidInputException("consent.listed.facility.missing");
                }
                continue;
            }
            FacilityId id;
            try {
                id = FacilityId.of(facility.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("consent.listed.facility.missing");
            }
            Listing listing = Listing.PERMIT;
            if (formKind == FormKind.CHANGE) {
                try {
                    listing = Listing.valueOf(listedListingAt(i));
                } catch (IllegalArgumentException e) {
                    listing = Listing.DENY;
                }
            }
            rows.add(new ListedFacility(id, number, listing));
        }
        return rows;
    }

    private Signer parseSigner() {
        try {
            return Signer.valueOf(signer);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("consent.signer.missing");
        }
    }

    private static LocalDate date(String text, String problem) {
        if (!notBlank(text)) {
            throw new InvalidInputException(problem);
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(problem);
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
