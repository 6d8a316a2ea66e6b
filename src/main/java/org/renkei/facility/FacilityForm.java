package org.renkei.facility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** The paper form of a facility's new or change application, as typed in by the operator. */
public class FacilityForm {

    private FacilityKind kind;
    private String code;
    private String name;
    private String nameKana;
    private String postalCode;
    private String address;
    private String phone;
    private PersonRow head = new PersonRow();
    private PersonRow administrator = new PersonRow();
    private boolean administratorIsHead;
    private List<PersonRow> contacts = rows(2);
    private List<PersonRow> reception = rows(2);
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate receivedOn;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate wishedOn;

    /** One person row of the form. */
    public static class PersonRow {
        private String name;
        private String post;
        private String phone;
        private String email;

        public PersonRow() {
        }

        PersonRow(FacilityPerson p) {
            this.name = p.name();
            this.post = p.post();
            this.phone = p.phone();
            this.email = p.email();
        }

        FacilityPerson as(FacilityPerson.Role role) {
            return new FacilityPerson(role, name, post, phone, email);
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getPost() { return post; }
        public void setPost(String post) { this.post = post; }
        public String getPhone() { return phone; }
        public void setPhone(String phone) { this.phone = phone; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
    }

    static FacilityForm of(Facility facility) {
        var form = new FacilityForm();
        FacilityDetails d = facility.details();
        form.kind = facility.kind();
        form.code = facility.code();
        form.name = d.name();
        form.nameKana = d.nameKana();
        form.postalCode = d.postalCode();
        form.address = d.address();
        form.phone = d.phone();
        d.peopleIn(FacilityPerson.Role.HEAD).stream().findFirst().ifPresent(p -> form.head = new PersonRow(p));
        d.peopleIn(FacilityPerson.Role.ADMINISTRATOR).stream().findFirst()
                .ifPresent(p -> form.administrator = new PersonRow(p));
        form.contacts = padded(d.peopleIn(FacilityPerson.Role.CONTACT));
        form.reception = padded(d.peopleIn(FacilityPerson.Role.RECEPTION));
        return form;
    }

    FacilityDetails details() {
        List<FacilityPerson> people = new ArrayList<>();
        people.add(head.as(FacilityPerson.Role.HEAD));
        people.add((administratorIsHead ? head : administrator).as(FacilityPerson.Role.ADMINISTRATOR));
        contacts.forEach(c -> people.add(c.as(FacilityPerson.Role.CONTACT)));
        reception.forEach(r -> people.add(r.as(FacilityPerson.Role.RECEPTION)));
        return new FacilityDetails(name, nameKana, postalCode, address, phone, people);
    }

    private static List<PersonRow> rows(int n) {
        List<PersonRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new PersonRow());
        }
        return rows;
    }

    private static List<PersonRow> padded(List<FacilityPerson> people) {
        List<PersonRow> rows = new ArrayList<>(people.stream().map(PersonRow::new).toList());
        rows.add(new PersonRow());
        return rows;
    }

    public FacilityKind getKind() { return kind; }
    public void setKind(FacilityKind kind) { this.kind = kind; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getNameKana() { return nameKana; }
    public void setNameKana(String nameKana) { this.nameKana = nameKana; }
    public String getPostalCode() { return postalCode; }
    public void setPostalCode(String postalCode) { this.postalCode = postalCode; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public PersonRow getHead() { return head; }
    public void setHead(PersonRow head) { this.head = head; }
    public PersonRow getAdministrator() { return administrator; }
    public void setAdministrator(PersonRow administrator) { this.administrator = administrator; }
    public boolean isAdministratorIsHead() { return administratorIsHead; }
    public void setAdministratorIsHead(boolean administratorIsHead) { this.administratorIsHead = administratorIsHead; }
    public List<PersonRow> getContacts() { return contacts; }
    public void setContacts(List<PersonRow> contacts) { this.contacts = contacts; }
    public List<PersonRow> getReception() { return reception; }
    public void setReception(List<PersonRow> reception) { this.reception = reception; }
    public LocalDate getReceivedOn() { return receivedOn; }
    public void setReceivedOn(LocalDate receivedOn) { this.receivedOn = receivedOn; }
    public LocalDate getWishedOn() { return wishedOn; }
    public void setWishedOn(LocalDate wishedOn) { this.wishedOn = wishedOn; }
}
