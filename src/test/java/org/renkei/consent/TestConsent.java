package org.renkei.consent;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.renkei.TestRegion;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityKind;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.renkei.filing.FilingKind;
import org.renkei.filing.FilingStatus;
import org.renkei.identity.Actor;
import org.renkei.identity.AuthLevel;
import org.renkei.identity.Profession;
import org.renkei.staff.NewStaff;
import org.renkei.staff.StaffId;
import org.renkei.staff.StaffRegistry;

/** What consent tests need on the shared database: active facilities, their staff, forms, registered participants. */
public final class TestConsent {

    public static final Actor OPERATOR = TestRegion.OPERATOR;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String[] FAMILY_NAMES = {"山田", "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "中村"};
    private static final AtomicInteger STAFF_COUNT = new AtomicInteger();

    private final FacilityRegistry facilities;
    private final FilingDesk filings;
    private final StaffRegistry staff;
    private final ConsentDesk desk;
    private final ParticipantDirectory directory;

    public TestConsent(FacilityRegistry facilities, FilingDesk filings, StaffRegistry staff, ConsentDesk desk,
            ParticipantDirectory directory) {
        this.facilities = facilities;
        this.filings = filings;
        this.staff = staff;
        this.desk = desk;
        this.directory = directory;
    }

    public FacilityId activeClinic(String name) {
        return TestRegion.active(facilities, filings, FacilityKind.CLINIC, name);
    }

    public FacilityId activeHospital(String name) {
        return TestRegion.active(facilities, filings, FacilityKind.HOSPITAL, name);
    }

    /** An active staff member of the facility, logged in with the given auth level. */
    public Actor staffAt(FacilityId facility, Profession profession, AuthLevel level) {
        LocalDate today = TestRegion.today();
        String[] name = nameOf(profession);
        StaffId id = staff.applyToAdd(facility,
                new NewStaff(name[0], name[1], uniqueKana(), name[2], profession, null), today.minusDays(15), today,
                OPERATOR);
        var filing = filings.ofStaff(id.value()).stream()
                .filter(f -> f.kind() == FilingKind.STAFF_ADD && f.status() == FilingStatus.PENDING)
                .findFirst().orElseThrow();
        filings.accept(filing.id(), OPERATOR);
        return new Actor(id.value(), "staff-" + id.value().toString().substring(0, 8), name[0] + " " + name[1], level,
                Actor.AccountKind.STAFF, facility.value(), id.value(), profession);
    }

    /**
     * Family name, given name and given name's kana of a new test staff member: the given name says the profession,
     * the family name changes from one to the next, so two staff of one test are told apart on its pages.
     */
    private static String[] nameOf(Profession profession) {
        String family = FAMILY_NAMES[Math.floorMod(STAFF_COUNT.getAndIncrement(), FAMILY_NAMES.length)];
        return switch (profession) {
            case DOCTOR -> new String[] {family, "一郎", "イチロウ"};
            case DENTIST -> new String[] {family, "健", "ケン"};
            case PHARMACIST -> new String[] {family, "薫", "カオル"};
            case NURSE -> new String[] {family, "恵", "メグミ"};
            case CARE_MANAGER -> new String[] {family, "久美", "クミ"};
            case CLERK -> new String[] {family, "太郎", "タロウ"};
            case OTHER_CARE_STAFF -> new String[] {family, "誠", "マコト"};
        };
    }

    /** A clerk at the facility, logged in with a network user card. */
    public Actor clerkAt(FacilityId facility) {
        return staffAt(facility, Profession.CLERK, AuthLevel.USER_PKI_CARD);
    }

    /** A doctor at the facility, logged in with an HPKI card. */
    public Actor doctorAt(FacilityId facility) {
        return staffAt(facility, Profession.DOCTOR, AuthLevel.HPKI_CARD);
    }

    /** Unique patient details (unique katakana family name), an adult. */
    public static PatientDetails patient() {
        return new PatientDetails("熊本", "花子", uniqueKana(), "ハナコ", LocalDate.of(1950, 4, 1), Sex.FEMALE,
                "096-111-2222", "860-0001", "熊本県熊本市中央区千葉城町1-1");
    }

    /** A new consent form signed by the patient, received today at the first facility, listing all of them. */
    public static FormEntry newForm(PatientDetails patient, FacilityId receiving, FacilityId... permitted) {
        return new FormEntry(FormKind.NEW, receiving, "説明 次郎", Signer.PATIENT, patient.fullName(), null, null, null,
                false, patient, null, null,
                java.util.Arrays.stream(permitted).map(f -> new ListedFacility(f, patientNumber(), Listing.PERMIT))
                        .toList(),
                false, TestRegion.today(), null);
    }

    /** A form of another kind, signed by the patient, received today, naming the participant's card. */
    public static FormEntry form(FormKind kind, String card, FacilityId receiving, List<ListedFacility> listed) {
        return new FormEntry(kind, receiving, "説明 次郎", Signer.PATIENT, "熊本 花子", null, null, null, false, null,
                card, null, listed, false, TestRegion.today(), null);
    }

    /** Enters a new form at the receiving facility (by the operator, as faxed) and registers it. */
    public Participant join(PatientDetails patient, FacilityId receiving, FacilityId... permitted) {
        var id = desk.register(desk.enter(newForm(patient, receiving, permitted), OPERATOR), OPERATOR);
        return participant(id);
    }

    /** Enters and registers a form of another kind. */
    public void file(FormKind kind, Participant participant, FacilityId receiving, ListedFacility... listed) {
        desk.register(desk.enter(form(kind, participant.cardNumber(), receiving, List.of(listed)), OPERATOR), OPERATOR);
    }

    /** The participant as registered (read as the operator). */
    public Participant participant(ParticipantId id) {
        return directory.get(OPERATOR, id, org.renkei.access.DataKind.PARTICIPANT_PROFILE);
    }

    public static String patientNumber() {
        return String.format("P%08d", RANDOM.nextInt(100_000_000));
    }

    /** Six random katakana letters, to make names unique on the shared database. */
    public static String uniqueKana() {
        String letters = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ";
        var b = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            b.append(letters.charAt(RANDOM.nextInt(letters.length())));
        }
        return b.toString();
    }
}
