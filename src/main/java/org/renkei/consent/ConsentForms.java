package org.renkei.consent;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.renkei.facility.FacilityId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The recorded paper forms, the facilities they list and their scans. */
@Repository
class ConsentForms {

    private final JdbcClient jdbc;

    ConsentForms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, FormEntry f, ParticipantId participant, LocalDate dueOn, String enteredVia,
            String enteredBy, Instant at) {
        PatientDetails d = f.patient();
        jdbc.sql("""
                insert into consent_form (id, kind, status, participant_id, card_number, receiving_facility_id,
                    explained_by, signer, signer_name, signer_relationship, identity_document, co_signer_name,
                    family_name, given_name, family_name_kana, given_name_kana, birth_date, sex, phone, postal_code,
                    address, patient_number, deletion_requested, received_on, due_on, entered_via, entered_by, entered_at)
                values (:id, :kind, 'PENDING', :participant, :card, :receiving, :explained, :signer, :signerName,
                    :relationship, :document, :coSigner, :fn, :gn, :fnk, :gnk, :birth, :sex, :phone, :postal,
                    :address, :patientNumber, :deletion, :received, :due, :via, :by, :at)""")
                .param("id", id).param("kind", f.kind().name())
                .param("participant", participant == null ? null : participant.value())
                .param("card", f.cardNumber()).param("receiving", f.receivingFacility().value())
                .param("explained", f.explainedBy()).param("signer", f.signer().name())
                .param("signerName", f.signerName()).param("relationship", f.signerRelationship())
                .param("document", f.identityDocument()).param("coSigner", f.coSignerName())
                .param("fn", d == null ? null : d.familyName()).param("gn", d == null ? null : d.givenName())
                .param("fnk", d == null ? null : d.familyNameKana()).param("gnk", d == null ? null : d.givenNameKana())
                .param("birth", d == null ? null : d.birthDate()).param("sex", d == null ? null : d.sex().name())
                .param("phone", d == null ? null : d.phone()).param("postal", d == null ? null : d.postalCode())
                .param("address", d == null ? null : d.address()).param("patientNumber", f.patientNumber())
                .param("deletion", f.deletionRequested()).param("received", f.receivedOn()).param("due", dueOn)
                .param("via", enteredVia).param("by", enteredBy).param("at", Timestamp.from(at))
                .update();
        int position = 0;
        for (ListedFacility l : f.listed()) {
            jdbc.sql("""
                    insert into consent_form_facility (form_id, position, facility_id, patient_number, listing)
                    values (:id, :position, :facility, :number, :listing)""")
                    .param("id", id).param("position", position++).param("facility", l.facility().value())
                    .param("number", l.patientNumber()).param("listing", l.listing().name())
                    .update();
        }
        if (f.scan() != null) {
            jdbc.sql("""
                    insert into consent_form_scan (form_id, content_type, sha256, content)
                    values (:id, :type, :sha, :content)""")
                    .param("id", id).param("type", f.scan().contentType()).param("sha", sha256(f.scan().content()))
                    .param("content", f.scan().content())
                    .update();
        }
    }

    Optional<ConsentForm> find(UUID id) {
        return jdbc.sql(SELECT + " where f.id = :id").param("id", id).query((rs, n) -> map(rs)).optional()
                .map(this::withListed);
    }

    /** Locks a form for its decision. */
    Optional<ConsentForm> lock(UUID id) {
        jdbc.sql("select id from consent_form where id = :id for update").param("id", id).query(UUID.class).optional();
        return find(id);
    }

    /** The operator's queue: pending forms, the most urgent first. */
    List<ConsentForm> pending() {
        return jdbc.sql(SELECT + " where f.status = 'PENDING' order by f.due_on, f.entered_at")
                .query((rs, n) -> map(rs)).list().stream().map(this::withListed).toList();
    }

    List<ConsentForm> enteredAt(FacilityId facility, int limit) {
        return jdbc.sql(SELECT + " where f.receiving_facility_id = :f order by f.entered_at desc limit :limit")
                .param("f", facility.value()).param("limit", limit)
                .query((rs, n) -> map(rs)).list().stream().map(this::withListed).toList();
    }

    List<ConsentForm> ofParticipant(ParticipantId participant) {
        return jdbc.sql(SELECT + " where f.participant_id = :p order by f.entered_at desc")
                .param("p", participant.value())
                .query((rs, n) -> map(rs)).list().stream().map(this::withListed).toList();
    }

    /** Pending forms past their due date whose facility has not yet been told. */
    List<ConsentForm> lateUnnotified(LocalDate today) {
        return jdbc.sql(SELECT + " where f.status = 'PENDING' and f.due_on < :today and f.late_notified_at is null order by f.due_on")
                .param("today", today).query((rs, n) -> map(rs)).list();
    }

    boolean markLateNotified(UUID id, Instant at) {
        return jdbc.sql("update consent_form set late_notified_at = :at where id = :id and late_notified_at is null")
                .param("at", Timestamp.from(at)).param("id", id).update() == 1;
    }

    void registered(UUID id, ParticipantId participant, String issuedCard, String by, Instant at) {
        jdbc.sql("""
                update consent_form set status = 'REGISTERED', participant_id = :p, issued_card_number = :card,
                    decided_by = :by, decided_at = :at where id = :id and status = 'PENDING'""")
                .param("p", participant.value()).param("card", issuedCard).param("by", by)
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    void rejected(UUID id, String reason, String by, Instant at) {
        jdbc.sql("""
                update consent_form set status = 'REJECTED', rejection_reason = :reason, decided_by = :by,
                    decided_at = :at where id = :id and status = 'PENDING'""")
                .param("reason", reason).param("by", by).param("at", Timestamp.from(at)).param("id", id).update();
    }

    Optional<FormEntry.Scan> scan(UUID id) {
        return jdbc.sql("select content_type, content from consent_form_scan where form_id = :id").param("id", id)
                .query((rs, n) -> new FormEntry.Scan(rs.getString(1), rs.getBytes(2))).optional();
    }

    private static final String SELECT = """
            select f.*, exists (select 1 from consent_form_scan s where s.form_id = f.id) as has_scan
            from consent_form f""";

    private ConsentForm withListed(ConsentForm form) {
        List<ListedFacility> listed = jdbc.sql("""
                select facility_id, patient_number, listing from consent_form_facility where form_id = :id order by position""")
                .param("id", form.id())
                .query((rs, n) -> new ListedFacility(new FacilityId(rs.getObject(1, UUID.class)), rs.getString(2),
                        Listing.valueOf(rs.getString(3))))
                .list();
        return new ConsentForm(form.id(), form.kind(), form.status(), form.participant(), form.cardNumber(),
                form.receivingFacility(), form.explainedBy(), form.signer(), form.signerName(),
                form.signerRelationship(), form.identityDocument(), form.coSignerName(), form.patient(),
                form.patientNumber(), listed, form.deletionRequested(), form.receivedOn(), form.dueOn(),
                form.enteredVia(), form.enteredBy(), form.enteredAt(), form.decidedBy(), form.decidedAt(),
                form.rejectionReason(), form.issuedCardNumber(), form.hasScan());
    }

    private static ConsentForm map(ResultSet rs) throws SQLException {
        UUID participant = rs.getObject("participant_id", UUID.class);
        String sex = rs.getString("sex");
        PatientDetails patient = rs.getString("family_name") == null ? null
                : new PatientDetails(rs.getString("family_name"), rs.getString("given_name"),
                        rs.getString("family_name_kana"), rs.getString("given_name_kana"),
                        rs.getObject("birth_date", LocalDate.class), sex == null ? null : Sex.valueOf(sex),
                        rs.getString("phone"), rs.getString("postal_code"), rs.getString("address"));
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new ConsentForm(rs.getObject("id", UUID.class), FormKind.valueOf(rs.getString("kind")),
                FormStatus.valueOf(rs.getString("status")), participant == null ? null : new ParticipantId(participant),
                rs.getString("card_number"), new FacilityId(rs.getObject("receiving_facility_id", UUID.class)),
                rs.getString("explained_by"), Signer.valueOf(rs.getString("signer")), rs.getString("signer_name"),
                rs.getString("signer_relationship"), rs.getString("identity_document"),
                rs.getString("co_signer_name"), patient, rs.getString("patient_number"), List.of(),
                rs.getBoolean("deletion_requested"), rs.getObject("received_on", LocalDate.class),
                rs.getObject("due_on", LocalDate.class), rs.getString("entered_via"), rs.getString("entered_by"),
                rs.getTimestamp("entered_at").toInstant(), rs.getString("decided_by"),
                decidedAt == null ? null : decidedAt.toInstant(), rs.getString("rejection_reason"),
                rs.getString("issued_card_number"), rs.getBoolean("has_scan"));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
