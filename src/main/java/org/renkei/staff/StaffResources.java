package org.renkei.staff;

import org.renkei.identity.Profession;

import java.time.LocalDate;
import java.util.function.Function;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;

/**
 * A user as FHIR R4 resources, after JP Core: the {@code Practitioner} (the person, name in kanji and in kana)
 * and the {@code PractitionerRole} (the person's profession at their facility). Both carry the user's id.
 */
final class StaffResources {

    static final String JP_PRACTITIONER = "http://jpfhir.jp/fhir/core/StructureDefinition/JP_Practitioner";
    static final String JP_PRACTITIONER_ROLE = "http://jpfhir.jp/fhir/core/StructureDefinition/JP_PractitionerRole";
    static final String NAME_REPRESENTATION = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation";
    static final String PROFESSION_SYSTEM = "urn:renkei:profession";
    static final String STAFF_ID_SYSTEM = "urn:renkei:staff";

    private StaffResources() {
    }

    static Practitioner practitioner(StaffMember member) {
        var practitioner = new Practitioner();
        practitioner.setId(new IdType("Practitioner", member.id().toString()));
        practitioner.getMeta().addProfile(JP_PRACTITIONER);
        practitioner.addIdentifier().setSystem(STAFF_ID_SYSTEM).setValue(member.id().toString());
        practitioner.setActive(member.isActive());
        practitioner.addName(name(member.familyName(), member.givenName(), "IDE"));
        practitioner.addName(name(member.familyNameKana(), member.givenNameKana(), "SYL"));
        if (member.email() != null) {
            practitioner.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(member.email())
                    .setUse(ContactPoint.ContactPointUse.WORK);
        }
        return practitioner;
    }

    static PractitionerRole role(StaffMember member, Function<Profession, String> japaneseLabel) {
        var role = new PractitionerRole();
        role.setId(new IdType("PractitionerRole", member.id().toString()));
        role.getMeta().addProfile(JP_PRACTITIONER_ROLE);
        role.setActive(member.isActive());
        role.setPractitioner(new Reference("Practitioner/" + member.id()).setDisplay(member.fullName()));
        role.setOrganization(new Reference("Organization/" + member.facility()));
        role.addCode().addCoding()
                .setSystem(PROFESSION_SYSTEM)
                .setCode(member.profession().name())
                .setDisplay(japaneseLabel.apply(member.profession()));
        if (member.joinedOn() != null || member.withdrawnOn() != null) {
            role.setPeriod(new Period().setStartElement(date(member.joinedOn()))
                    .setEndElement(date(member.withdrawnOn())));
        }
        return role;
    }

    /** A name in one representation: {@code IDE} (kanji) or {@code SYL} (kana), as JP Core writes them. */
    private static HumanName name(String family, String given, String representation) {
        var name = new HumanName().setUse(HumanName.NameUse.OFFICIAL).setFamily(family).addGiven(given)
                .setText(family + " " + given);
        name.addExtension(new Extension(NAME_REPRESENTATION, new CodeType(representation)));
        return name;
    }

    /** A calendar day, without a time of day. */
    private static DateTimeType date(LocalDate date) {
        return date == null ? null : new DateTimeType(date.toString());
    }
}
