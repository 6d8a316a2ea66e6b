package org.renkei.access;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.renkei.TestRegion;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityKind;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.renkei.identity.Actor;
import org.renkei.identity.AuthLevel;
import org.renkei.identity.Profession;
import org.renkei.staff.NewStaff;
import org.renkei.staff.StaffId;
import org.renkei.staff.StaffRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Facilities, users and participants for the access tests, on the shared database. Participants are written
 * straight into the consent tables, as registering a form would leave them, and each write tells
 * {@link AccessChanges} in the same transaction, as the consent module does.
 */
final class AccessTestData {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final FacilityRegistry facilities;
    private final FilingDesk filings;
    private final StaffRegistry staff;
    private final JdbcClient jdbc;
    private final AccessChanges changes;

    AccessTestData(FacilityRegistry facilities, FilingDesk filings, StaffRegistry staff, JdbcClient jdbc,
            AccessChanges changes) {
        this.facilities = facilities;
        this.filings = filings;
        this.staff = staff;
        this.jdbc = jdbc;
        this.changes = changes;
    }

    /** A clinic with a unique name that joined today. */
    FacilityId clinic() {
        return TestRegion.active(facilities, filings, FacilityKind.CLINIC,
                "アクセス試験クリニック " + UUID.randomUUID().toString().substring(0, 6));
    }

    /** An active nurse of the facility, logged in with the network's user card. */
    Actor nurse(FacilityId facility) {
        LocalDate today = TestRegion.today();
        StaffId id = staff.applyToAdd(facility, new NewStaff("試験", "花子", kana(), "ハナコ", Profession.NURSE, null),
                today.minusDays(15), today, TestRegion.OPERATOR);
        filings.accept(filings.ofStaff(id.value()).get(0).id(), TestRegion.OPERATOR);
        return new Actor(UUID.randomUUID(), "nurse-" + id.value(), "試験 花子", AuthLevel.USER_PKI_CARD,
                Actor.AccountKind.STAFF, facility.value(), id.value(), Profession.NURSE);
    }

    /** A participant who joined permitting the facilities; call inside a transaction. */
    UUID join(FacilityId... permitted) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into participant (id, card_number, family_name, given_name, family_name_kana, given_name_kana,
                    birth_date, sex, phone, participating, joined_on, created_at, updated_at)
                values (:id, :card, '参加', '太郎', 'サンカ', 'タロウ', date '1950-04-01', 'MALE', '096-000-0000', true,
                    current_date, :now, :now)""")
                .param("id", id).param("card", cardNumber()).param("now", now)
                .update();
        for (FacilityId facility : permitted) {
            jdbc.sql("""
                    insert into participant_facility (participant_id, facility_id, permitted, denied, since)
                    values (:p, :f, true, false, :now)""")
                    .param("p", id).param("f", facility.value()).param("now", now)
                    .update();
        }
        changes.participantChanged(id);
        return id;
    }

    /** A change form naming the facility "do not share" (CON-03); call inside a transaction. */
    void deny(UUID participant, FacilityId facility) {
        jdbc.sql("""
                insert into participant_facility (participant_id, facility_id, permitted, denied, since)
                values (:p, :f, false, true, :now)
                on conflict (participant_id, facility_id) do update set denied = true""")
                .param("p", participant).param("f", facility.value()).param("now", Timestamp.from(Instant.now()))
                .update();
        changes.participantChanged(participant);
    }

    /** A change form lifting the facility's denial (CON-05); call inside a transaction. */
    void lift(UUID participant, FacilityId facility) {
        jdbc.sql("update participant_facility set denied = false where participant_id = :p and facility_id = :f")
                .param("p", participant).param("f", facility.value())
                .update();
        changes.participantChanged(participant);
    }

    /** An add form permitting the facility (CON-04); call inside a transaction. */
    void add(UUID participant, FacilityId facility) {
        jdbc.sql("""
                insert into participant_facility (participant_id, facility_id, permitted, denied, since)
                values (:p, :f, true, false, :now)
                on conflict (participant_id, facility_id) do update set permitted = true""")
                .param("p", participant).param("f", facility.value()).param("now", Timestamp.from(Instant.now()))
                .update();
        changes.participantChanged(participant);
    }

    /** A withdrawal form (CON-06); call inside a transaction. */
    void withdraw(UUID participant) {
        jdbc.sql("update participant set participating = false, withdrawn_on = current_date where id = :id")
                .param("id", participant).update();
        changes.participantChanged(participant);
    }

    private static String cardNumber() {
        return String.format("%012d", Math.floorMod(RANDOM.nextLong(), 1_000_000_000_000L));
    }

    private static String kana() {
        String letters = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ";
        var b = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            b.append(letters.charAt(RANDOM.nextInt(letters.length())));
        }
        return b.toString();
    }
}
