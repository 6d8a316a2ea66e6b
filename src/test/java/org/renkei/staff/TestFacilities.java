package org.renkei.staff;

import java.security.SecureRandom;
import java.util.UUID;
import org.renkei.TestRegion;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityKind;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.renkei.identity.Actor;
import org.renkei.identity.AuthLevel;

/** What the staff tests need on the shared database: active facilities, their administrators, unique names. */
final class TestFacilities {

    static final Actor OPERATOR = TestRegion.OPERATOR;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final FacilityRegistry facilities;
    private final FilingDesk filings;

    TestFacilities(FacilityRegistry facilities, FilingDesk filings) {
        this.facilities = facilities;
        this.filings = filings;
    }

    /** A hospital that joined today (its application was received 40 days ago). */
    FacilityId activeHospital(String name) {
        return TestRegion.active(facilities, filings, FacilityKind.HOSPITAL, name);
    }

    /** A hospital whose application to join is still pending. */
    FacilityId applyingHospital(String name) {
        return TestRegion.applying(facilities, FacilityKind.HOSPITAL, name);
    }

    static Actor administratorOf(FacilityId facility) {
        return new Actor(UUID.randomUUID(), "admin-" + facility.value().toString().substring(0, 8), "管理責任者",
                AuthLevel.FACILITY_ADMIN_PASSWORD, Actor.AccountKind.FACILITY_ADMINISTRATOR, facility.value());
    }

    /** Six random katakana letters, to make names unique on the shared database. */
    static String uniqueKana() {
        String letters = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ";
        var b = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            b.append(letters.charAt(RANDOM.nextInt(letters.length())));
        }
        return b.toString();
    }
}
