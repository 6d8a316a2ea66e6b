package org.renkei.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.renkei.consent.TestConsent.OPERATOR;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.renkei.TestRegion;
import org.renkei.access.DataKind;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.renkei.identity.Actor;
import org.renkei.platform.web.InvalidInputException;
import org.renkei.staff.StaffRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@RenkeiTest
class ConsentDeskTests {

    @Autowired ConsentDesk desk;
    @Autowired ParticipantDirectory directory;
    @Autowired FacilityRegistry facilities;
    @Autowired FilingDesk filings;
    @Autowired StaffRegistry staff;
    @Autowired JdbcClient jdbc;

    TestConsent consent;
    FacilityId clinic;
    FacilityId hospital;
    FacilityId other;
    Actor clerk;
    Actor doctorAtHospital;
    Actor doctorAtOther;

    @BeforeEach
    void setUp() {
        consent = new TestConsent(facilities, filings, staff, desk, directory);
        clinic = consent.activeClinic("みどり内科クリニック");
        hospital = consent.activeHospital("みどり中央病院");
        other = consent.activeHospital("あおば病院");
        clerk = consent.clerkAt(clinic);
        doctorAtHospital = consent.doctorAt(hospital);
        doctorAtOther = consent.doctorAt(other);
    }

    @Test
    @DisplayName("PAR-01 PAR-02 a new form entered at the clinic waits in the queue, due in 3 business days, and changes nothing until registered (CON-07)")
    void newFormWaitsInTheQueue() {
        PatientDetails patient = TestConsent.patient();
        UUID formId = desk.enter(TestConsent.newForm(patient, clinic, clinic, hospital), clerk);

        ConsentForm form = desk.form(formId, OPERATOR);
        assertThat(form.status()).isEqualTo(FormStatus.PENDING);
        assertThat(form.enteredVia()).isEqualTo("FACILITY");
        assertThat(form.dueOn()).isAfter(form.receivedOn());
        assertThat(desk.queue(OPERATOR)).extracting(ConsentForm::id).contains(formId);
        assertThat(directory.search(doctorAtHospital, patient.familyNameKana(), patient.birthDate())).isEmpty();
    }

    @Test
    @DisplayName("PAR-01 PAR-03 PAR-05 registering a new form creates the participant with a valid card number, linked to each facility's patient number")
    void registeringCreatesTheParticipant() {
        PatientDetails patient = TestConsent.patient();
        FormEntry entry = TestConsent.newForm(patient, clinic, clinic, hospital);
        UUID formId = desk.enter(entry, clerk);

        ParticipantId id = desk.register(formId, OPERATOR);

        Participant participant = consent.participant(id);
        assertThat(CardNumbers.isValid(participant.cardNumber())).isTrue();
        assertThat(participant.participating()).isTrue();
        assertThat(desk.form(formId, OPERATOR).issuedCardNumber()).isEqualTo(participant.cardNumber());
        String numberAtHospital = entry.listed().get(1).patientNumber();
        assertThat(directory.byOwnPatientNumber(doctorAtHospital, numberAtHospital)).map(Participant::id).contains(id);
        assertThat(directory.search(doctorAtHospital, patient.familyNameKana(), patient.birthDate()))
                .extracting(Participant::id).containsExactly(id);
    }

    @Test
    @DisplayName("CON-02 PAR-05 a facility the participant did not permit does not find them, by name or by number")
    void unpermittedFacilityDoesNotFind() {
        PatientDetails patient = TestConsent.patient();
        Participant p = consent.join(patient, clinic, clinic, hospital);

        assertThat(directory.search(doctorAtOther, patient.familyNameKana(), patient.birthDate())).isEmpty();
        assertThat(directory.find(doctorAtOther, p.id(), DataKind.PARTICIPANT_PROFILE)).isEmpty();
    }

    @Test
    @DisplayName("CON-04 an add form permits a newly joined facility once registered")
    void addForm() {
        PatientDetails patient = TestConsent.patient();
        Participant p = consent.join(patient, clinic, clinic);
        UUID formId = desk.enter(TestConsent.form(FormKind.ADD, p.cardNumber(), other,
                List.of(new ListedFacility(other, "A-1", Listing.PERMIT))), doctorAtOther);

        assertThat(directory.find(doctorAtOther, p.id(), DataKind.PARTICIPANT_PROFILE)).isEmpty();
        desk.register(formId, OPERATOR);
        assertThat(directory.find(doctorAtOther, p.id(), DataKind.PARTICIPANT_PROFILE)).isPresent();
        assertThat(directory.byOwnPatientNumber(doctorAtOther, "A-1")).map(Participant::id).contains(p.id());
    }

    @Test
    @DisplayName("CON-03 CON-05 a change form's do-not-share facility loses access, and an add form cannot undo it")
    void denialWins() {
        PatientDetails patient = TestConsent.patient();
        Participant p = consent.join(patient, clinic, clinic, hospital);
        consent.file(FormKind.CHANGE, p, clinic, new ListedFacility(hospital, null, Listing.DENY));

        assertThat(directory.find(doctorAtHospital, p.id(), DataKind.PARTICIPANT_PROFILE)).isEmpty();
        assertThat(directory.consent(OPERATOR, p.id()).denied()).containsExactly(hospital);
        assertThatThrownBy(() -> desk.enter(TestConsent.form(FormKind.ADD, p.cardNumber(), hospital,
                List.of(new ListedFacility(hospital, "H-9", Listing.PERMIT))), OPERATOR))
                .isInstanceOf(InvalidInputException.class).hasMessage("consent.add.denied");

        consent.file(FormKind.CHANGE, p, clinic, new ListedFacility(hospital, null, Listing.LIFT));
        assertThat(directory.find(doctorAtHospital, p.id(), DataKind.PARTICIPANT_PROFILE)).isPresent();
    }

    @Test
    @DisplayName("CON-06 CON-09 a withdrawal stops sharing everywhere, deletes nothing, and the history shows the earlier state")
    void withdrawal() {
        PatientDetails patient = TestConsent.patient();
        Participant p = consent.join(patient, clinic, clinic, hospital);
        consent.file(FormKind.WITHDRAWAL, p, clinic);

        assertThat(directory.find(doctorAtHospital, p.id(), DataKind.PARTICIPANT_PROFILE)).isEmpty();
        assertThat(directory.find(clerk, p.id(), DataKind.PARTICIPANT_PROFILE)).isEmpty();
        Participant withdrawn = consent.participant(p.id());
        assertThat(withdrawn.participating()).isFalse();
        assertThat(withdrawn.withdrawnOn()).isEqualTo(TestRegion.today());
        List<HistoryEntry> history = directory.history(OPERATOR, p.id());
        assertThat(history).extracting(HistoryEntry::formKind).containsExactly(FormKind.WITHDRAWAL, FormKind.NEW);
        assertThat(history.get(1).state().permits(hospital)).isTrue();
        assertThat(directory.consentOn(OPERATOR, p.id(), TestRegion.today().minusDays(1))).isEqualTo(ConsentState.NONE);
        assertThat(directory.consentOn(OPERATOR, p.id(), TestRegion.today()).participating()).isFalse();
        assertThatThrownBy(() -> desk.enter(TestConsent.form(FormKind.ADD, p.cardNumber(), other,
                List.of(new ListedFacility(other, "X", Listing.PERMIT))), OPERATOR))
                .isInstanceOf(InvalidInputException.class).hasMessage("consent.concerned.withdrawn");
    }

    @Test
    @DisplayName("PAR-03 a card re-issue gives a new number and the old one stops working")
    void cardReissue() {
        Participant p = consent.join(TestConsent.patient(), clinic, clinic);
        consent.file(FormKind.CARD_REISSUE, p, clinic);

        Participant reissued = consent.participant(p.id());
        assertThat(reissued.cardNumber()).isNotEqualTo(p.cardNumber());
        assertThat(CardNumbers.isValid(reissued.cardNumber())).isTrue();
        assertThatThrownBy(() -> desk.enter(TestConsent.form(FormKind.ADD, p.cardNumber(), other,
                List.of(new ListedFacility(other, "X", Listing.PERMIT))), OPERATOR))
                .isInstanceOf(InvalidInputException.class).hasMessage("consent.card.invalidated");
    }

    @Test
    @DisplayName("PAR-04 PAR-03 CON-04 bad forms are refused with their reason and change nothing: a proxy without identity document, no facility, a wrong check digit, a facility that is not a member on a new or an add form")
    void badFormsAreRefused() {
        long before = formCount();
        PatientDetails patient = TestConsent.patient();
        FormEntry good = TestConsent.newForm(patient, clinic, clinic);
        FormEntry proxyWithoutDocument = new FormEntry(FormKind.NEW, clinic, "説明", Signer.FAMILY, "熊本 一郎", "長男",
                null, null, true, patient, null, null, good.listed(), false, TestRegion.today(), null);
        FormEntry noFacility = new FormEntry(FormKind.NEW, clinic, "説明", Signer.PATIENT, "熊本 花子", null, null, null,
                false, patient, null, null, List.of(), false, TestRegion.today(), null);
        String wrongDigit = "12345678901" + (CardNumbers.checkDigit("12345678901") + 1) % 10;
        FormEntry wrongCheckDigit = TestConsent.form(FormKind.ADD, wrongDigit, clinic,
                List.of(new ListedFacility(hospital, "1", Listing.PERMIT)));
        FacilityId applying = TestRegion.applying(facilities, org.renkei.facility.FacilityKind.CLINIC, "未加入医院");

        assertRefused(proxyWithoutDocument, "consent.signer.identityDocument.missing");
        assertRefused(noFacility, "consent.listed.missing");
        assertRefused(wrongCheckDigit, "consent.card.checkDigit");
        assertRefused(TestConsent.newForm(patient, clinic, clinic, applying), "consent.listed.notMember");
        Participant member = consent.join(TestConsent.patient(), clinic, clinic);
        long afterJoin = formCount();
        assertThatThrownBy(() -> desk.enter(TestConsent.form(FormKind.ADD, member.cardNumber(), clinic,
                List.of(new ListedFacility(applying, "N-1", Listing.PERMIT))), OPERATOR))
                .isInstanceOf(InvalidInputException.class).hasMessage("consent.listed.notMember");
        assertThat(formCount()).isEqualTo(afterJoin);
        assertThat(formCount()).isEqualTo(before + 1);
    }

    private long formCount() {
        return jdbc.sql("select count(*) from consent_form").query(Long.class).single();
    }

    @Test
    @DisplayName("PAR-04 a minor's form is signed by a guardian with the relationship")
    void minorNeedsGuardian() {
        PatientDetails child = new PatientDetails("熊本", "太郎", TestConsent.uniqueKana(), "タロウ",
                TestRegion.today().minusYears(10), Sex.MALE, "096-111-2222", null, null);
        FormEntry byChild = TestConsent.newForm(child, clinic, clinic);
        assertRefused(byChild, "consent.signer.minorNeedsGuardian");
        FormEntry byGuardian = new FormEntry(FormKind.NEW, clinic, "説明", Signer.GUARDIAN, "熊本 花子", "母", null, null,
                false, child, null, null, byChild.listed(), false, TestRegion.today(), null);
        assertThat(desk.enter(byGuardian, clerk)).isNotNull();
    }

    @Test
    @DisplayName("PAR-02 CON-01 reception enters and sees forms of its own facility only; the queue and any form are the operator's")
    void ownFacilityOnly() {
        assertThatThrownBy(() -> desk.enter(TestConsent.newForm(TestConsent.patient(), hospital, hospital), clerk))
                .isInstanceOf(InvalidInputException.class).hasMessage("consent.enter.notYourFacility");
        UUID formId = desk.enter(TestConsent.newForm(TestConsent.patient(), clinic, clinic), clerk);

        assertThat(desk.formOfFacility(formId, clerk).id()).isEqualTo(formId);
        assertThat(desk.formsOf(clerk)).extracting(ConsentForm::id).contains(formId);
        assertThatThrownBy(() -> desk.formOfFacility(formId, doctorAtOther))
                .isInstanceOf(org.renkei.platform.web.NotFoundException.class);
        assertThat(desk.formsOf(doctorAtOther)).extracting(ConsentForm::id).doesNotContain(formId);
        assertThatThrownBy(() -> desk.form(formId, clerk)).hasMessage("consent.operatorOnly");
        assertThatThrownBy(() -> desk.queue(clerk)).hasMessage("consent.operatorOnly");
    }

    @Test
    @DisplayName("PAR-02 CON-07 a form past its due date tells the receiving facility once")
    void lateFormsAreTold() {
        FormEntry old = TestConsent.newForm(TestConsent.patient(), clinic, clinic);
        FormEntry late = new FormEntry(old.kind(), old.receivingFacility(), old.explainedBy(), old.signer(),
                old.signerName(), null, null, null, false, old.patient(), null, null, old.listed(), false,
                TestRegion.today().minusDays(20), null);
        UUID formId = desk.enter(late, clerk);

        assertThat(desk.form(formId, OPERATOR).lateOn(TestRegion.today())).isTrue();
        assertThat(desk.notifyLate(TestRegion.today())).isGreaterThanOrEqualTo(1);
        assertThat(desk.notifyLate(TestRegion.today())).isZero();
        assertThat(jdbc.sql("select count(*) from notice where facility_id = :f and kind = 'CONSENT_FORM_LATE'")
                .param("f", clinic.value()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @DisplayName("PAR-05 CON-06 a withdrawn participant's new form joins them again; a participating one's is refused")
    void rejoining() {
        PatientDetails patient = TestConsent.patient();
        FormEntry first = TestConsent.newForm(patient, clinic, clinic);
        ParticipantId id = desk.register(desk.enter(first, clerk), OPERATOR);
        UUID again = desk.enter(first, clerk);
        assertThatThrownBy(() -> desk.register(again, OPERATOR)).hasMessage("consent.new.alreadyParticipant");
        desk.reject(again, "重複した新規申込", OPERATOR);

        consent.file(FormKind.WITHDRAWAL, consent.participant(id), clinic);
        ParticipantId rejoined = desk.register(desk.enter(first, clerk), OPERATOR);
        assertThat(rejoined).isEqualTo(id);
        assertThat(directory.find(clerk, id, DataKind.PARTICIPANT_PROFILE)).isPresent();
    }

    @Test
    @DisplayName("PAR-05 participants with the same name, birth date and sex are flagged to the operator")
    void duplicatesAreFlagged() {
        PatientDetails patient = TestConsent.patient();
        consent.join(patient, clinic, clinic);
        UUID second = desk.enter(TestConsent.newForm(patient, hospital, hospital), OPERATOR);
        assertThat(desk.review(second, OPERATOR).similar()).hasSize(1);
        desk.register(second, OPERATOR);
        assertThat(directory.likelyDuplicates(OPERATOR))
                .anySatisfy(group -> assertThat(group).extracting(p -> p.details().familyNameKana())
                        .containsOnly(patient.familyNameKana()).hasSize(2));
    }

    private void assertRefused(FormEntry form, String key) {
        assertThatThrownBy(() -> desk.enter(form, clerk)).isInstanceOf(InvalidInputException.class).hasMessage(key);
    }
}
