package org.renkei.consent;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.renkei.access.DataKind;
import org.renkei.facility.Facility;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.identity.Actor;
import org.springframework.stereotype.Component;

/**
 * Participants as JP Core {@code Patient}s (INT-01, PAR-05): read by participant id, search by identifier (the
 * participant card number, or a patient number at a facility), by name or family name and birth date, and by
 * gender. Every answer comes from {@link ParticipantDirectory}, so the access decision has passed it: a participant
 * the caller may not see is a 404 like one that does not exist, and is absent from searches and their totals.
 *
 * <p>What is shown: names in kanji and katakana, sex, birth date, phone, address, and {@code active} false after
 * a withdrawal (which only the operator sees). Identifiers: the card number for everyone; the patient number at
 * each linked facility for the operator, but for staff only their own facility's, so that a facility does not
 * learn from the network which other facilities the patient attends.
 */
@Component
class PatientProvider implements IResourceProvider {

    static final String JP_PATIENT = "http://jpfhir.jp/fhir/core/StructureDefinition/JP_Patient";
    static final String NAME_REPRESENTATION = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation";
    static final String IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";

    private final ParticipantDirectory directory;
    private final FacilityRegistry facilities;
    private final ConsentFhir fhir;

    PatientProvider(ParticipantDirectory directory, FacilityRegistry facilities, ConsentFhir fhir) {
        this.directory = directory;
        this.facilities = facilities;
        this.fhir = fhir;
    }

    @Override
    public Class<Patient> getResourceType() {
        return Patient.class;
    }

    @Read
    public Patient read(@IdParam IdType id) {
        Actor actor = ConsentFhir.actor();
        ParticipantId participant = ConsentFhir.participantId(id);
        return fhir.read(id, () -> patient(actor, directory.get(actor, participant, DataKind.PARTICIPANT_PROFILE)));
    }

    /**
     * Staff must give an identifier, or a name (or family name) together with the birth date; the operator an
     * identifier, a name, a family name or a birth date. Gender only narrows. Names match from the start of the
     * family name, in kanji or katakana, spaces ignored; the birth date matches a whole day.
     */
    @Search
    public List<Patient> search(@OptionalParam(name = Patient.SP_IDENTIFIER) TokenParam identifier,
            @OptionalParam(name = Patient.SP_NAME) StringParam name,
            @OptionalParam(name = Patient.SP_FAMILY) StringParam family,
            @OptionalParam(name = Patient.SP_BIRTHDATE) DateParam birthDate,
            @OptionalParam(name = Patient.SP_GENDER) TokenParam gender) {
        Actor actor = ConsentFhir.actor();
        String nameText = text(name);
        String familyText = text(family);
        LocalDate birth = day(birthDate);
        Optional<Sex> sex = sex(gender);
        List<Participant> found;
        if (identifier != null) {
            found = byIdentifier(actor, identifier);
        } else if (nameText == null && familyText == null && birth == null) {
            throw fhir.invalid("consent.fhir.patient.criteria");
        } else {
            found = fhir.search(() -> directory.search(actor, nameText != null ? nameText : familyText, birth));
        }
        return found.stream()
                .filter(p -> nameText == null || startsName(p.details(), nameText))
                .filter(p -> familyText == null || startsFamily(p.details(), familyText))
                .filter(p -> birth == null || birth.equals(p.details().birthDate()))
                .filter(p -> sex.isEmpty() || sex.get() == p.details().sex())
                .map(p -> patient(actor, p))
                .toList();
    }

    /**
     * Without a system the value is tried as a card number and, for staff, as their own facility's patient
     * number. A patient-number system of another facility finds nothing for staff.
     */
    private List<Participant> byIdentifier(Actor actor, TokenParam identifier) {
        String system = identifier.getSystem() == null || identifier.getSystem().isBlank() ? null
                : identifier.getSystem();
        String value = identifier.getValue();
        if (value == null || value.isBlank()) {
            return List.of();
        }
        Map<ParticipantId, Participant> found = new LinkedHashMap<>();
        if (system == null) {
            String card = CardNumbers.normalize(value);
            if (CardNumbers.isValid(card)) {
                byCurrentCard(actor, card).ifPresent(p -> found.put(p.id(), p));
            }
            if (!actor.isOperator()) {
                directory.byOwnPatientNumber(actor, value).ifPresent(p -> found.putIfAbsent(p.id(), p));
            }
        } else if (system.equals(ConsentFhir.CARD_NUMBER_SYSTEM)) {
            fhir.search(() -> byCurrentCard(actor, value)).ifPresent(p -> found.put(p.id(), p));
        } else {
            ConsentFhir.facilityCodeOf(system).flatMap(facilities::findByCode)
                    .filter(f -> ConsentFhir.patientNumberSystem(f).equals(system))
                    .flatMap(f -> directory.byPatientNumber(actor, f.id(), value))
                    .ifPresent(p -> found.put(p.id(), p));
        }
        return List.copyOf(found.values());
    }

    /** The holder of a card, if it is still their card (a re-issued card's old number is no identifier). */
    private Optional<Participant> byCurrentCard(Actor actor, String number) {
        String card = CardNumbers.normalize(number);
        return directory.byCardNumber(actor, card).filter(p -> card.equals(p.cardNumber()));
    }

    private Patient patient(Actor actor, Participant p) {
        PatientDetails d = p.details();
        var patient = new Patient();
        patient.setId(new IdType("Patient", p.id().toString()));
        patient.getMeta().addProfile(JP_PATIENT);
        patient.addIdentifier().setSystem(ConsentFhir.CARD_NUMBER_SYSTEM).setValue(p.cardNumber());
        patientNumbers(actor, p.id()).forEach((facility, number) -> patient.addIdentifier(number(facility, number)));
        patient.setActive(p.participating());
        patient.addName(name(d.familyName(), d.givenName(), "IDE"));
        patient.addName(name(d.familyNameKana(), d.givenNameKana(), "SYL"));
        if (d.phone() != null) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(d.phone());
        }
        patient.setGender(AdministrativeGender.fromCode(d.sex().fhirCode()));
        patient.setBirthDateElement(new DateType(d.birthDate().toString()));
        if (d.address() != null || d.postalCode() != null) {
            patient.addAddress().setUse(Address.AddressUse.HOME).setText(d.address()).setPostalCode(d.postalCode())
                    .setCountry("JP");
        }
        return patient;
    }

    /** The patient numbers this caller may see: every facility's for the operator, the own facility's for staff. */
    private Map<Facility, String> patientNumbers(Actor actor, ParticipantId id) {
        Map<Facility, String> numbers = new LinkedHashMap<>();
        if (actor.isOperator()) {
            directory.links(actor, id).values().stream().filter(l -> l.patientNumber() != null)
                    .forEach(l -> facilities.find(l.facility()).ifPresent(f -> numbers.put(f, l.patientNumber())));
        } else if (actor.facilityId() != null) {
            FacilityId own = new FacilityId(actor.facilityId());
            directory.patientNumberAt(actor, id, own).ifPresent(number ->
                    facilities.find(own).ifPresent(f -> numbers.put(f, number)));
        }
        return numbers;
    }

    private static Identifier number(Facility facility, String number) {
        return new Identifier()
                .setType(new CodeableConcept(new Coding(IDENTIFIER_TYPE, "MR", "Medical record number")))
                .setSystem(ConsentFhir.patientNumberSystem(facility))
                .setValue(number)
                .setAssigner(new Reference("Organization/" + facility.id()).setDisplay(facility.name()));
    }

    /** A name in one representation, as JP Core writes them: {@code IDE} (kanji) or {@code SYL} (katakana). */
    private static HumanName name(String family, String given, String representation) {
        var name = new HumanName().setUse(HumanName.NameUse.OFFICIAL).setFamily(family).addGiven(given)
                .setText(family + " " + given);
        name.addExtension(new Extension(NAME_REPRESENTATION, new CodeType(representation)));
        return name;
    }

    private static String text(StringParam param) {
        return param == null || param.getValue() == null || param.getValue().isBlank() ? null
                : param.getValue().strip();
    }

    private static String compact(String text) {
        return text.replaceAll("[\\s　]", "");
    }

    private static boolean startsName(PatientDetails d, String text) {
        String q = compact(text);
        return (d.familyName() + d.givenName()).startsWith(q) || (d.familyNameKana() + d.givenNameKana()).startsWith(q);
    }

    private static boolean startsFamily(PatientDetails d, String text) {
        String q = compact(text);
        return d.familyName().startsWith(q) || d.familyNameKana().startsWith(q);
    }

    /** A birth date must be one whole day, matched exactly. */
    private LocalDate day(DateParam param) {
        if (param == null || param.isEmpty()) {
            return null;
        }
        if ((param.getPrefix() != null && param.getPrefix() != ParamPrefixEnum.EQUAL)
                || param.getPrecision() != TemporalPrecisionEnum.DAY) {
            throw fhir.invalid("consent.fhir.birthdate.day");
        }
        try {
            return LocalDate.parse(param.getValueAsString());
        } catch (DateTimeParseException e) {
            throw fhir.invalid("consent.fhir.birthdate.day");
        }
    }

    private Optional<Sex> sex(TokenParam param) {
        if (param == null || param.getValue() == null || param.getValue().isBlank()) {
            return Optional.empty();
        }
        if (param.getSystem() != null && !param.getSystem().isBlank()
                && !param.getSystem().equals(AdministrativeGender.MALE.getSystem())) {
            throw fhir.invalid("consent.fhir.gender.invalid");
        }
        try {
            return Optional.of(Sex.valueOf(param.getValue().strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw fhir.invalid("consent.fhir.gender.invalid");
        }
    }
}
