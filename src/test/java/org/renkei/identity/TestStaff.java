package org.renkei.identity;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.UUID;
import org.renkei.TestRegion;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityKind;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.renkei.filing.FilingKind;
import org.renkei.staff.NewStaff;
import org.renkei.staff.StaffId;
import org.renkei.staff.StaffRegistry;

/** Facilities and active users for the card tests, on the shared database. */
final class TestStaff {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final FacilityRegistry facilities;
    private final FilingDesk filings;
    private final StaffRegistry staff;

    TestStaff(FacilityRegistry facilities, FilingDesk filings, StaffRegistry staff) {
        this.facilities = facilities;
        this.filings = filings;
        this.staff = staff;
    }

    /** A hospital that joined today. */
    FacilityId hospital(String name) {
        return TestRegion.active(facilities, filings, FacilityKind.HOSPITAL, name);
    }

    /** A hospital with a unique name that joined today. */
    FacilityId hospital() {
        return hospital("カード試験病院 " + UUID.randomUUID().toString().substring(0, 6));
    }

    /** A user who joined today. */
    StaffId active(FacilityId facility, String familyName, Profession profession) {
        return active(facility, new NewStaff(familyName, "花子", kana(), "ハナコ", profession, null));
    }

    private StaffId active(FacilityId facility, NewStaff person) {
        LocalDate today = TestRegion.today();
        StaffId id = staff.applyToAdd(facility, person, today.minusDays(15), today, TestRegion.OPERATOR);
        filings.accept(filings.ofStaff(id.value()).get(0).id(), TestRegion.OPERATOR);
        return id;
    }

    /** An active user of a new hospital. */
    UUID active(Profession profession, String family) {
        return active(hospital(), profession, family);
    }

    /** An active user of the facility (added by an application accepted today). */
    UUID active(FacilityId facility, Profession profession, String family) {
        return active(facility, new NewStaff(family, "一郎", "シケン", "イチロウ", profession, null)).value();
    }

    /** The user withdraws today (their withdrawal application was received 15 days ago). */
    void withdraw(StaffId id) {
        LocalDate today = TestRegion.today();
        var filing = staff.applyToWithdraw(id, today.minusDays(15), today, TestRegion.OPERATOR);
        filings.accept(filing, TestRegion.OPERATOR);
        if (filings.find(filing).orElseThrow().kind() != FilingKind.STAFF_WITHDRAWAL) {
            throw new IllegalStateException("not a withdrawal");
        }
    }

    /** Six random katakana letters, so that names are unique on the shared database. */
    static String kana() {
        String letters = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ";
        var b = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            b.append(letters.charAt(RANDOM.nextInt(letters.length())));
        }
        return b.toString();
    }
}
