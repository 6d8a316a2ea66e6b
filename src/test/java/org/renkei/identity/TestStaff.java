package org.renkei.identity;

import java.security.SecureRandom;
import java.time.LocalDate;
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

    FacilityId hospital(String name) {
        return TestRegion.active(facilities, filings, FacilityKind.HOSPITAL, name);
    }

    /** A user who joined today. */
    StaffId active(FacilityId facility, String familyName, Profession profession) {
        LocalDate today = TestRegion.today();
        StaffId id = staff.applyToAdd(facility,
                new NewStaff(familyName, "花子", kana(), "ハナコ", profession, null), today.minusDays(15), today,
                TestRegion.OPERATOR);
        filings.accept(filings.ofStaff(id.value()).get(0).id(), TestRegion.OPERATOR);
        return id;
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
