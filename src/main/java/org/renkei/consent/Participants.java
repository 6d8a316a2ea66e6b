package org.renkei.consent;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.renkei.facility.FacilityId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The registered participants: who they are, their cards, the facilities they are linked to, their history. */
@Repository
class Participants {

    private final JdbcClient jdbc;

    Participants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ParticipantId id, String cardNumber, PatientDetails d, LocalDate joinedOn, Instant at) {
        jdbc.sql("""
                insert into participant (id, card_number, family_name, given_name, family_name_kana, given_name_kana,
                    birth_date, sex, phone, postal_code, address, participating, joined_on, created_at, updated_at)
                values (:id, :card, :fn, :gn, :fnk, :gnk, :birth, :sex, :phone, :postal, :address, true, :joined,
                    :at, :at)""")
                .param("id", id.value()).param("card", cardNumber).param("fn", d.familyName())
                .param("gn", d.givenName()).param("fnk", d.familyNameKana()).param("gnk", d.givenNameKana())
                .param("birth", d.birthDate()).param("sex", d.sex().name()).param("phone", d.phone())
                .param("postal", d.postalCode()).param("address", d.address()).param("joined", joinedOn)
                .param("at", Timestamp.from(at))
                .update();
        issueCard(id, cardNumber, at);
    }

    void updateDetails(ParticipantId id, PatientDetails d, Instant at) {
        jdbc.sql("""
                update participant set family_name = :fn, given_name = :gn, family_name_kana = :fnk,
                    given_name_kana = :gnk, birth_date = :birth, sex = :sex, phone = :phone, postal_code = :postal,
                    address = :address, updated_at = :at where id = :id""")
                .param("fn", d.familyName()).param("gn", d.givenName()).param("fnk", d.familyNameKana())
                .param("gnk", d.givenNameKana()).param("birth", d.birthDate()).param("sex", d.sex().name())
                .param("phone", d.phone()).param("postal", d.postalCode()).param("address", d.address())
                .param("at", Timestamp.from(at)).param("id", id.value())
                .update();
    }

    void rejoin(ParticipantId id, LocalDate joinedOn, Instant at) {
        jdbc.sql("""
                update participant set participating = true, joined_on = :joined, withdrawn_on = null,
                    deletion_requested = false, updated_at = :at where id = :id""")
                .param("joined", joinedOn).param("at", Timestamp.from(at)).param("id", id.value()).update();
        jdbc.sql("update participant_facility set permitted = false, denied = false, since = :at where participant_id = :id")
                .param("at", Timestamp.from(at)).param("id", id.value()).update();
    }

    void withdraw(ParticipantId id, LocalDate on, boolean deletionRequested, Instant at) {
        jdbc.sql("""
                update participant set participating = false, withdrawn_on = :on, deletion_requested = :deletion,
                    updated_at = :at where id = :id""")
                .param("on", on).param("deletion", deletionRequested).param("at", Timestamp.from(at))
                .param("id", id.value()).update();
    }

    /** Gives the participant a new card number; the old one stops working (PAR-03). */
    void replaceCard(ParticipantId id, String newNumber, String reason, Instant at) {
        jdbc.sql("update participant_card set invalidated_at = :at, reason = :reason where participant_id = :id and invalidated_at is null")
                .param("at", Timestamp.from(at)).param("reason", reason).param("id", id.value()).update();
        jdbc.sql("update participant set card_number = :card, updated_at = :at where id = :id")
                .param("card", newNumber).param("at", Timestamp.from(at)).param("id", id.value()).update();
        issueCard(id, newNumber, at);
    }

    private void issueCard(ParticipantId id, String number, Instant at) {
        jdbc.sql("insert into participant_card (card_number, participant_id, issued_at) values (:card, :id, :at)")
                .param("card", number).param("id", id.value()).param("at", Timestamp.from(at)).update();
    }

    boolean cardNumberUsed(String number) {
        return jdbc.sql("select count(*) from participant_card where card_number = :card").param("card", number)
                .query(Long.class).single() > 0;
    }

    /** Sets the link to a facility: the patient number (kept if not given) and the consent there. */
    void link(ParticipantId id, FacilityId facility, String patientNumber, boolean permitted, boolean denied,
            Instant at) {
        jdbc.sql("""
                insert into participant_facility (participant_id, facility_id, patient_number, permitted, denied, since)
                values (:id, :facility, :number, :permitted, :denied, :at)
                on conflict (participant_id, facility_id) do update set
                    patient_number = coalesce(excluded.patient_number, participant_facility.patient_number),
                    permitted = excluded.permitted, denied = excluded.denied, since = excluded.since""")
                .param("id", id.value()).param("facility", facility.value()).param("number", patientNumber)
                .param("permitted", permitted).param("denied", denied).param("at", Timestamp.from(at))
                .update();
    }

    Optional<Participant> find(ParticipantId id) {
        return jdbc.sql("select * from participant where id = :id").param("id", id.value())
                .query((rs, n) -> map(rs)).optional();
    }

    /** Locks the participant's row for a registration. */
    Optional<Participant> lock(ParticipantId id) {
        return jdbc.sql("select * from participant where id = :id for update").param("id", id.value())
                .query((rs, n) -> map(rs)).optional();
    }

    /** The participant whose card this number is or was, and whether the number was invalidated. */
    Optional<CardHolder> byCard(String number) {
        return jdbc.sql("select participant_id, invalidated_at is not null as invalidated from participant_card where card_number = :card")
                .param("card", number)
                .query((rs, n) -> new CardHolder(new ParticipantId(rs.getObject(1, UUID.class)), rs.getBoolean(2)))
                .optional();
    }

    record CardHolder(ParticipantId participant, boolean invalidated) {
    }

    Optional<ParticipantId> byPatientNumber(FacilityId facility, String patientNumber) {
        return jdbc.sql("select participant_id from participant_facility where facility_id = :f and patient_number = :n")
                .param("f", facility.value()).param("n", patientNumber)
                .query(UUID.class).optional().map(ParticipantId::new);
    }

    Map<FacilityId, FacilityLink> links(ParticipantId id) {
        var links = new LinkedHashMap<FacilityId, FacilityLink>();
        jdbc.sql("select * from participant_facility where participant_id = :id order by since, facility_id")
                .param("id", id.value())
                .query((rs, n) -> new FacilityLink(new FacilityId(rs.getObject("facility_id", UUID.class)),
                        rs.getString("patient_number"), rs.getBoolean("permitted"), rs.getBoolean("denied"),
                        rs.getTimestamp("since").toInstant()))
                .list().forEach(l -> links.put(l.facility(), l));
        return links;
    }

    ConsentState state(ParticipantId id) {
        Participant p = find(id).orElse(null);
        if (p == null) {
            return ConsentState.NONE;
        }
        Set<FacilityId> permitted = new HashSet<>();
        Set<FacilityId> denied = new HashSet<>();
        links(id).values().forEach(l -> {
            if (l.permitted()) {
                permitted.add(l.facility());
            }
            if (l.denied()) {
                denied.add(l.facility());
            }
        });
        return new ConsentState(p.participating(), permitted, denied);
    }

    /** Participants by name (kanji or katakana, prefix) and/or birth date; optionally only those a facility may see. */
    List<Participant> search(String name, LocalDate birthDate, FacilityId permittedAt, int limit) {
        return search(name, birthDate, null, permittedAt, limit);
    }

    /** As {@link #search(String, LocalDate, FacilityId, int)}, and of the given sex when one is given. */
    List<Participant> search(String name, LocalDate birthDate, Sex sex, FacilityId permittedAt, int limit) {
        var sql = new StringBuilder("select p.* from participant p where true");
        var params = new LinkedHashMap<String, Object>();
        if (name != null && !name.isBlank()) {
            String compact = name.replaceAll("[\\s　]", "");
            sql.append(" and (p.family_name || p.given_name like :q or p.family_name_kana || p.given_name_kana like :q)");
            params.put("q", compact.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (birthDate != null) {
            sql.append(" and p.birth_date = :birth");
            params.put("birth", birthDate);
        }
        if (sex != null) {
            sql.append(" and p.sex = :sex");
            params.put("sex", sex.name());
        }
        if (permittedAt != null) {
            sql.append(" and p.participating and exists (select 1 from participant_facility f where f.participant_id = p.id"
                    + " and f.facility_id = :facility and f.permitted and not f.denied)");
            params.put("facility", permittedAt.value());
        }
        sql.append(" order by p.family_name_kana, p.given_name_kana, p.birth_date, p.id limit :limit");
        params.put("limit", limit);
        var statement = jdbc.sql(sql.toString());
        params.forEach(statement::param);
        return statement.query((rs, n) -> map(rs)).list();
    }

    /** Groups of participants with the same name (katakana), birth date and sex: likely duplicates (PAR-05). */
    List<List<Participant>> likelyDuplicates() {
        var groups = new LinkedHashMap<String, List<Participant>>();
        jdbc.sql("""
                select p.* from participant p join (
                    select family_name_kana, given_name_kana, birth_date, sex from participant
                    group by family_name_kana, given_name_kana, birth_date, sex having count(*) > 1) d
                  using (family_name_kana, given_name_kana, birth_date, sex)
                order by p.family_name_kana, p.given_name_kana, p.birth_date, p.created_at""")
                .query((rs, n) -> map(rs)).list()
                .forEach(p -> groups.computeIfAbsent(identityKey(p.details()), k -> new java.util.ArrayList<>()).add(p));
        return List.copyOf(groups.values());
    }

    /** Others with the same name (katakana), birth date and sex as these details. */
    List<Participant> sameIdentity(PatientDetails d) {
        return jdbc.sql("""
                select * from participant where family_name_kana = :fnk and given_name_kana = :gnk
                    and birth_date = :birth and sex = :sex order by created_at""")
                .param("fnk", d.familyNameKana()).param("gnk", d.givenNameKana()).param("birth", d.birthDate())
                .param("sex", d.sex().name())
                .query((rs, n) -> map(rs)).list();
    }

    private static String identityKey(PatientDetails d) {
        return d.familyNameKana() + "|" + d.givenNameKana() + "|" + d.birthDate() + "|" + d.sex();
    }

    void recordHistory(ParticipantId id, Instant at, UUID formId, ConsentState state, String cardNumber,
            String registeredBy) {
        jdbc.sql("""
                insert into consent_history (participant_id, at, form_id, participating, permitted, denied, card_number, registered_by)
                values (:id, :at, :form, :participating, :permitted, :denied, :card, :by)""")
                .param("id", id.value()).param("at", Timestamp.from(at)).param("form", formId)
                .param("participating", state.participating())
                .param("permitted", uuids(state.permitted())).param("denied", uuids(state.denied()))
                .param("card", cardNumber).param("by", registeredBy)
                .update();
    }

    List<HistoryEntry> history(ParticipantId id) {
        return jdbc.sql("""
                select h.*, f.kind from consent_history h join consent_form f on f.id = h.form_id
                where h.participant_id = :id order by h.at desc, h.id desc""")
                .param("id", id.value()).query((rs, n) -> history(rs)).list();
    }

    Optional<HistoryEntry> stateAt(ParticipantId id, Instant at) {
        return jdbc.sql("""
                select h.*, f.kind from consent_history h join consent_form f on f.id = h.form_id
                where h.participant_id = :id and h.at <= :at order by h.at desc, h.id desc limit 1""")
                .param("id", id.value()).param("at", Timestamp.from(at)).query((rs, n) -> history(rs)).optional();
    }

    private static HistoryEntry history(ResultSet rs) throws SQLException {
        return new HistoryEntry(rs.getTimestamp("at").toInstant(), rs.getObject("form_id", UUID.class),
                FormKind.valueOf(rs.getString("kind")),
                new ConsentState(rs.getBoolean("participating"), facilities(rs.getArray("permitted")),
                        facilities(rs.getArray("denied"))),
                rs.getString("card_number"), rs.getString("registered_by"));
    }

    private static UUID[] uuids(Set<FacilityId> ids) {
        return ids.stream().map(FacilityId::value).sorted().toArray(UUID[]::new);
    }

    private static Set<FacilityId> facilities(Array array) throws SQLException {
        Set<FacilityId> set = new HashSet<>();
        for (Object o : (Object[]) array.getArray()) {
            set.add(new FacilityId((UUID) o));
        }
        return set;
    }

    static Participant map(ResultSet rs) throws SQLException {
        return new Participant(new ParticipantId(rs.getObject("id", UUID.class)), rs.getString("card_number"),
                new PatientDetails(rs.getString("family_name"), rs.getString("given_name"),
                        rs.getString("family_name_kana"), rs.getString("given_name_kana"),
                        rs.getObject("birth_date", LocalDate.class), Sex.valueOf(rs.getString("sex")),
                        rs.getString("phone"), rs.getString("postal_code"), rs.getString("address")),
                rs.getBoolean("participating"), rs.getObject("joined_on", LocalDate.class),
                rs.getObject("withdrawn_on", LocalDate.class), rs.getBoolean("deletion_requested"));
    }
}
