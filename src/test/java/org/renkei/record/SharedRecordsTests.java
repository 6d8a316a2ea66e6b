package org.renkei.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.renkei.consent.ConsentDesk;
import org.renkei.consent.FormKind;
import org.renkei.consent.Participant;
import org.renkei.consent.ParticipantDirectory;
import org.renkei.consent.TestConsent;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.renkei.identity.Actor;
import org.renkei.identity.AuthLevel;
import org.renkei.identity.Profession;
import org.renkei.staff.StaffRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@RenkeiTest
class SharedRecordsTests {

    @Autowired SharedRecords records;
    @Autowired Attachments attachments;
    @Autowired ConsentDesk desk;
    @Autowired ParticipantDirectory directory;
    @Autowired FacilityRegistry facilities;
    @Autowired FilingDesk filings;
    @Autowired StaffRegistry staff;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    TestConsent consent;
    FacilityId clinic;
    FacilityId hospital;
    FacilityId other;
    Actor clinicDoctor;
    Actor hospitalDoctor;
    Actor otherDoctor;
    Participant participant;

    @BeforeEach
    void setUp() {
        consent = new TestConsent(facilities, filings, staff, desk, directory);
        clinic = consent.activeClinic("記録内科");
        hospital = consent.activeHospital("記録病院");
        other = consent.activeHospital("記録外病院");
        clinicDoctor = consent.doctorAt(clinic);
        hospitalDoctor = consent.doctorAt(hospital);
        otherDoctor = consent.doctorAt(other);
        participant = consent.join(TestConsent.patient(), clinic, clinic, hospital);
    }

    private RecordDraft observation(UUID participantId, String code) {
        UUID id = UUID.randomUUID();
        return new RecordDraft(id, RecordCategory.LAB_RESULT, participantId, Instant.parse("2026-10-01T00:00:00Z"),
                "http://medis.or.jp/CodeSystem/master-JLAC10-17digits", code, "HbA1c",
                null, "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\"}");
    }

    @Test
    @DisplayName("DOC-02 CON-02 a record stored by the clinic is seen at the permitted hospital, not at another facility")
    void storedAndSeen() {
        StoredRecord stored = records.store(observation(participant.id().value(), "3D046000001906202"), clinicDoctor);

        assertThat(stored.authorFacility()).isEqualTo(clinic.value());
        assertThat(stored.authorStaff()).isEqualTo(clinicDoctor.staffId());
        assertThat(stored.original()).as("DOC-03 a copy until signed").isFalse();
        assertThat(records.read(hospitalDoctor, stored.id(), r -> true)).isPresent();
        assertThat(records.read(otherDoctor, stored.id(), r -> true)).isEmpty();
        assertThat(records.search(hospitalDoctor, RecordQuery.of(participant.id().value(), Set.of())).total()).isEqualTo(1);
        assertThat(records.search(otherDoctor, RecordQuery.of(participant.id().value(), Set.of()))).isEqualTo(RecordPage.EMPTY);
        assertThat(records.history(otherDoctor, stored.id(), r -> true)).isEmpty();
    }

    @Test
    @DisplayName("CON-01 CON-02 storing for a non-participant or an unpermitted participant is refused alike; a password login cannot store (DOC-02)")
    void refusedStores() {
        assertThatThrownBy(() -> records.store(observation(UUID.randomUUID(), "x"), clinicDoctor))
                .isInstanceOf(RecordRefused.class).hasMessage("record.participant.unknown");
        assertThatThrownBy(() -> records.store(observation(participant.id().value(), "x"), otherDoctor))
                .isInstanceOf(RecordRefused.class).hasMessage("record.participant.unknown");
        Actor provisional = consent.staffAt(clinic, Profession.NURSE, AuthLevel.PROVISIONAL_PASSWORD);
        assertThatThrownBy(() -> records.store(observation(participant.id().value(), "x"), provisional))
                .isInstanceOf(RecordRefused.class).hasMessage("record.cardRequired");
    }

    @Test
    @DisplayName("CON-06 after the participant's withdrawal nobody sees the records, which stay stored")
    void withdrawal() {
        StoredRecord stored = records.store(observation(participant.id().value(), "x"), clinicDoctor);
        consent.file(FormKind.WITHDRAWAL, participant, clinic);

        assertThat(records.read(hospitalDoctor, stored.id(), r -> true)).isEmpty();
        assertThat(records.read(clinicDoctor, stored.id(), r -> true)).isEmpty();
        assertThat(jdbc.sql("select count(*) from record where id = :id").param("id", stored.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @DisplayName("DOC-04 an update is a new version, entered-in-error replaces deletion, and only the storing facility changes a record")
    void versions() {
        RecordDraft draft = observation(participant.id().value(), "x");
        records.store(draft, clinicDoctor);
        StoredRecord second = records.update(new RecordDraft(draft.id(), draft.category(), draft.participant(),
                draft.effectiveAt(), draft.codeSystem(), "y", "changed", null, draft.content()), clinicDoctor);
        assertThat(second.version()).isEqualTo(2);
        assertThatThrownBy(() -> records.markEnteredInError(draft.id(), draft.content(), hospitalDoctor))
                .isInstanceOf(RecordRefused.class).hasMessage("record.update.otherFacility");
        StoredRecord third = records.markEnteredInError(draft.id(), draft.content(), clinicDoctor);

        assertThat(third.enteredInError()).isTrue();
        assertThat(records.history(hospitalDoctor, draft.id(), r -> true)).extracting(StoredRecord::version)
                .containsExactly(3, 2, 1);
        assertThat(records.search(hospitalDoctor, RecordQuery.of(participant.id().value(), Set.of())).total()).isZero();
    }

    @Test
    @DisplayName("DOC-02 one record id twice in one transaction is refused, as the id of a stored record is, and nothing is stored")
    void sameIdTwiceInOneTransaction() {
        RecordDraft draft = observation(participant.id().value(), "twice");
        assertThatThrownBy(() -> records.storeAll(List.of(draft, draft), clinicDoctor))
                .isInstanceOf(RecordRefused.class).hasMessage("record.id.inUse");
        assertThat(jdbc.sql("select count(*) from record where id = ?").param(draft.id()).query(Long.class).single())
                .isZero();
        records.store(draft, clinicDoctor);
        assertThatThrownBy(() -> records.store(draft, hospitalDoctor))
                .isInstanceOf(RecordRefused.class).hasMessage("record.id.inUse");
    }

    @Test
    @DisplayName("DOC-02 storing several records is all or nothing")
    void atomic() {
        long before = jdbc.sql("select count(*) from record").query(Long.class).single();
        assertThatThrownBy(() -> records.storeAll(List.of(observation(participant.id().value(), "a"),
                observation(UUID.randomUUID(), "b")), clinicDoctor)).isInstanceOf(RecordRefused.class);
        assertThat(jdbc.sql("select count(*) from record").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    @DisplayName("DOC-02 an attachment saved in a transaction that rolls back leaves no bytes behind")
    void attachmentRollback() {
        byte[] bytes = ("rollback " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String[] sha = new String[1];
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            sha[0] = attachments.save(new ByteArrayInputStream(bytes), "text/plain").sha256();
            throw new IllegalStateException("fails after saving");
        })).isInstanceOf(IllegalStateException.class);

        Path file = Path.of("target", "attachments", sha[0].substring(0, 2), sha[0].substring(2, 4), sha[0]);
        assertThat(Files.exists(file)).isFalse();
        assertThat(jdbc.sql("select count(*) from attachment where sha256 = :s").param("s", sha[0])
                .query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("DOC-04 a search's total is the number of matching records on every page, before, on and past the last one")
    void totalOnEveryPage() {
        UUID p = participant.id().value();
        for (String code : List.of("3D046000001906202", "3D046000001906203", "3D046000001906204")) {
            records.store(observation(p, code), clinicDoctor);
        }
        for (int offset : new int[] {0, 2, 3, 5}) {
            RecordPage page = records.search(hospitalDoctor, new RecordQuery(p, Set.of(), null, null, null, null, null,
                    false, offset, 2));
            assertThat(page.total()).as("offset " + offset).isEqualTo(3);
            assertThat(page.records()).hasSize(Math.max(0, Math.min(2, 3 - offset)));
        }
        assertThat(records.search(hospitalDoctor, new RecordQuery(p, Set.of(), null, null, null, null, null, false, 0,
                20)).total()).isEqualTo(3);
    }
}
