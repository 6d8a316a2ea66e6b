package org.renkei.facility;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a facility's new or change application states about it: name, address, phone and the people of FAC-03.
 * {@link #problem()} checks it; blank rows of people are dropped.
 */
public record FacilityDetails(String name, String nameKana, String postalCode, String address, String phone,
        List<FacilityPerson> people) {

    private static final Pattern POSTAL = Pattern.compile("\\d{3}-?\\d{4}");
    private static final Pattern PHONE = Pattern.compile("0\\d{1,4}-?\\d{1,4}-?\\d{3,4}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public FacilityDetails {
        name = strip(name);
        nameKana = strip(nameKana);
        postalCode = strip(postalCode);
        address = strip(address);
        phone = strip(phone);
        people = people == null ? List.of() : people.stream().filter(p -> !p.isBlank()).toList();
    }

    public List<FacilityPerson> peopleIn(FacilityPerson.Role role) {
        return people.stream().filter(p -> p.role() == role).toList();
    }

    /** The first rule this application breaks, as a message key; empty when it is complete. */
    public Optional<String> problem() {
        if (name == null) {
            return Optional.of("facility.name.missing");
        }
        if (postalCode == null || !POSTAL.matcher(postalCode).matches()) {
            return Optional.of("facility.postalCode.invalid");
        }
        if (address == null) {
            return Optional.of("facility.address.missing");
        }
        if (phone == null || !PHONE.matcher(phone).matches()) {
            return Optional.of("facility.phone.invalid");
        }
        if (peopleIn(FacilityPerson.Role.HEAD).size() != 1) {
            return Optional.of("facility.head.one");
        }
        if (peopleIn(FacilityPerson.Role.ADMINISTRATOR).size() != 1) {
            return Optional.of("facility.administrator.one");
        }
        if (peopleIn(FacilityPerson.Role.CONTACT).isEmpty()) {
            return Optional.of("facility.contact.missing");
        }
        if (peopleIn(FacilityPerson.Role.RECEPTION).isEmpty()) {
            return Optional.of("facility.reception.missing");
        }
        for (FacilityPerson person : people) {
            if (person.name() == null) {
                return Optional.of("facility.person.name.missing");
            }
            if (person.phone() != null && !PHONE.matcher(person.phone()).matches()) {
                return Optional.of("facility.person.phone.invalid");
            }
            if (person.email() != null && !EMAIL.matcher(person.email()).matches()) {
                return Optional.of("facility.person.email.invalid");
            }
        }
        boolean contactReachable = peopleIn(FacilityPerson.Role.CONTACT).stream()
                .allMatch(p -> p.phone() != null || p.email() != null);
        if (!contactReachable) {
            return Optional.of("facility.contact.unreachable");
        }
        return Optional.empty();
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
