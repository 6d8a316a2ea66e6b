package org.renkei.identity;

import java.util.UUID;
import org.renkei.TestRegion;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityKind;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.renkei.staff.NewStaff;
import org.renkei.staff.StaffId;
import org.renkei.staff.StaffRegistry;

/** Active users of active facilities, on the shared test database, for card login tests. */
final class TestStaff {

    private final FacilityRegistry facilities;
    private final FilingDesk filings;
    private final StaffRegistry staff;

    TestStaff(FacilityRegistry facilities, FilingDesk filings, StaffRegistry staff) {
        this.facilities = facilities;
        this.filings = filings;
        this.staff = staff;
    }

    /** A hospital that joined today. */
    FacilityId hospital() {
        return TestRegion.active(facilities, filings, FacilityKind.HOSPITAL, "カード試験病院 " + UUID.randomUUID()
                .toString().substring(0, 6));
    }

    /** An active user of a new hospital. */
    UUID active(Profession profession, String family) {
        return active(hospital(), profession, family);
    }

    /** An active user of the facility (added by an application accepted today). */
    UUID active(FacilityId facility, Profession profession, String family) {
        StaffId id = staff.applyToAdd(facility, new NewStaff(family, "一郎", "シケン", "イチロウ", profession, null),
                TestRegion.today().minusDays(15), TestRegion.today(), TestRegion.OPERATOR);
        filings.accept(filings.ofStaff(id.value()).get(0).id(), TestRegion.OPERATOR);
        return id.value();
    }
}
