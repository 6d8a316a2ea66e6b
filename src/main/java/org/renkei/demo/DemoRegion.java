package org.renkei.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.renkei.facility.FacilityDetails;
import org.renkei.consent.ConsentDesk;
import org.renkei.consent.FormEntry;
import org.renkei.consent.FormKind;
import org.renkei.consent.ListedFacility;
import org.renkei.consent.Listing;
import org.renkei.consent.ParticipantId;
import org.renkei.consent.PatientDetails;
import org.renkei.consent.Sex;
import org.renkei.consent.Signer;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityKind;
import org.renkei.facility.FacilityPerson;
import org.renkei.facility.FacilityPerson.Role;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.Filing;
import org.renkei.filing.FilingDesk;
import org.renkei.filing.FilingKind;
import org.renkei.identity.Actor;
import org.renkei.identity.AuthLevel;
import org.renkei.identity.DemoHpkiAuthority;
import org.renkei.identity.NetworkCardAuthority;
import org.renkei.identity.LoginAccounts;
import org.renkei.platform.time.JapanTime;
import org.renkei.staff.NewStaff;
import org.renkei.identity.Profession;
import org.renkei.staff.SelfRegistration;
import org.renkei.staff.StaffId;
import org.renkei.staff.StaffRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo region (profile {@code demo}): an invented city's network with facilities of every kind, staff of
 * every profession, facility administrators who can log in, applications still waiting for the operator, and a
 * self-registration for a provisional account waiting for its facility's administrator.
 * Loaded once, on the first start of an empty database, through the same services the pages use.
 */
@Component
@Profile("demo")
@Order(10)
class DemoRegion implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRegion.class);

    /** The first demo facility's code: when it is registered, the demo region is already there. */
    static final String MARKER_CODE = "4310100013";

    private final FacilityRegistry facilities;
    private final StaffRegistry staff;
    private final FilingDesk filings;
    private final LoginAccounts accounts;
    private final SelfRegistration selfRegistration;
    private final Clock clock;
    private final String password;
    private final DemoHpkiAuthority hpkiCards;
    private final NetworkCardAuthority networkCards;
    private final Path certificates;
    private final List<CardHolder> cardHolders = new ArrayList<>();
    private final ConsentDesk consent;
    private final Actor operator = new Actor(UUID.randomUUID(), "operator", "運営事務局（デモデータ登録）",
            AuthLevel.OPERATOR_PASSWORD, Actor.AccountKind.OPERATOR, null);

    DemoRegion(FacilityRegistry facilities, StaffRegistry staff, FilingDesk filings, LoginAccounts accounts,
            DemoHpkiAuthority hpkiCards, NetworkCardAuthority networkCards, SelfRegistration selfRegistration,
            ConsentDesk consent,
            Clock clock, @Value("${renkei.demo.password:Renkei-demo-2026!}") String password,
            @Value("${renkei.demo.certificates-directory:data/demo-certificates}") Path certificates) {
        this.consent = consent;
        this.hpkiCards = hpkiCards;
        this.networkCards = networkCards;
        this.certificates = certificates;
        this.facilities = facilities;
        this.staff = staff;
        this.filings = filings;
        this.accounts = accounts;
        this.selfRegistration = selfRegistration;
        this.clock = clock;
        this.password = password;
    }

    /**
     * The region in one transaction: all of it, or nothing (a failed start loads it again next time). Nothing here
     * asks the access decision, which sees only committed data; the demo records ({@link DemoRecords}) do, and are
     * stored after this has committed.
     */
    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (facilities.findByCode(MARKER_CODE).isPresent()) {
            return;
        }
        load();
        issueCards();
        log.info("Demo region loaded");
    }

    void load() {
        LocalDate today = JapanTime.today(clock);
        FacilityId cityHospital = member(FacilityKind.HOSPITAL, MARKER_CODE, "みどり市民病院", "ミドリシミンビョウイン",
                "869-0401", "熊本県みどり市中央町1-1", "0964-32-1111", "緑川 健一", "院長", "高森 直子", "地域医療連携室長");
        FacilityId hillHospital = member(FacilityKind.HOSPITAL, code("431020", 3), "緑ヶ丘総合病院",
                "ミドリガオカソウゴウビョウイン", "869-0402", "熊本県みどり市緑ヶ丘3-5-1", "0964-32-2222",
                "丘本 誠", "理事長", "森田 由美", "医療情報部長");
        FacilityId sakura = member(FacilityKind.CLINIC, code("431030", 1), "さくら内科クリニック", "サクラナイカクリニック",
                "869-0403", "熊本県みどり市桜町2-8", "0964-33-3456", "桜井 大輔", "院長", "桜井 大輔", "院長");
        FacilityId himawari = member(FacilityKind.CLINIC, code("431030", 2), "ひまわり小児科医院",
                "ヒマワリショウニカイイン", "869-0404", "熊本県みどり市日向1-4-2", "0964-33-7890",
                "日向 陽子", "院長", "日向 陽子", "院長");
        FacilityId aoba = member(FacilityKind.DENTAL_CLINIC, code("433030", 5), "あおば歯科医院", "アオバシカイイン",
                "869-0405", "熊本県みどり市青葉町5-1", "0964-34-1188", "青葉 浩", "院長", "青葉 浩", "院長");
        FacilityId pharmacy = member(FacilityKind.PHARMACY, code("434030", 7), "みどり調剤薬局 中央店",
                "ミドリチョウザイヤッキョクチュウオウテン", "869-0401", "熊本県みどり市中央町1-3", "0964-32-5555",
                "薬師 進", "管理薬剤師", "薬師 進", "管理薬剤師");
        FacilityId nursing = member(FacilityKind.HOME_NURSING_STATION, code("436030", 4), "訪問看護ステーションかがやき",
                "ホウモンカンゴステーションカガヤキ", "869-0406", "熊本県みどり市光町4-2", "0964-35-2020",
                "光野 恵", "所長", "光野 恵", "所長");
        FacilityId care = member(FacilityKind.CARE_FACILITY, "4370100123", "特別養護老人ホーム やすらぎの里",
                "トクベツヨウゴロウジンホームヤスラギノサト", "869-0407", "熊本県みどり市安楽寺2-1", "0964-36-3030",
                "安田 和夫", "施設長", "宇土 明美", "生活相談員");
        FacilityId supportCentre = member(FacilityKind.COMMUNITY_SUPPORT_CENTRE, "4370100255",
                "みどり市地域包括支援センター", "ミドリシチイキホウカツシエンセンター", "869-0401",
                "熊本県みどり市中央町1-2 市保健センター内", "0964-32-8080", "中村 聡", "センター長", "中村 聡", "センター長");
        FacilityId city = member(FacilityKind.MUNICIPALITY, "432130", "みどり市 健康福祉部",
                "ミドリシケンコウフクシブ", "869-0492", "熊本県みどり市中央町1-1 市役所", "0964-32-1000",
                "市川 修", "部長", "松橋 礼子", "高齢介護課長");

        staffOf(cityHospital, "midori-hospital", List.of(
                person("緑川", "健一", "ミドリカワ", "ケンイチ", Profession.DOCTOR),
                person("救急", "太郎", "キュウキュウ", "タロウ", Profession.DOCTOR),
                person("看護", "春香", "カンゴ", "ハルカ", Profession.NURSE),
                person("夜勤", "美咲", "ヤキン", "ミサキ", Profession.NURSE),
                person("調剤", "秀樹", "チョウザイ", "ヒデキ", Profession.PHARMACIST),
                person("高森", "直子", "タカモリ", "ナオコ", Profession.CLERK),
                person("理学", "翔", "リガク", "ショウ", Profession.OTHER_CARE_STAFF)));
        staffOf(hillHospital, "midorigaoka-hospital", List.of(
                person("丘本", "誠", "オカモト", "マコト", Profession.DOCTOR),
                person("外科", "直人", "ゲカ", "ナオト", Profession.DOCTOR),
                person("病棟", "由紀", "ビョウトウ", "ユキ", Profession.NURSE),
                person("森田", "由美", "モリタ", "ユミ", Profession.CLERK),
                person("口腔", "健司", "コウクウ", "ケンジ", Profession.DENTIST)));
        staffOf(sakura, "sakura-clinic", List.of(
                person("桜井", "大輔", "サクライ", "ダイスケ", Profession.DOCTOR),
                person("外来", "綾", "ガイライ", "アヤ", Profession.NURSE),
                person("受付", "理恵", "ウケツケ", "リエ", Profession.CLERK)));
        staffOf(himawari, "himawari-clinic", List.of(
                person("日向", "陽子", "ヒナタ", "ヨウコ", Profession.DOCTOR),
                person("小児", "恵美", "ショウニ", "エミ", Profession.NURSE)));
        staffOf(aoba, "aoba-dental", List.of(
                person("青葉", "浩", "アオバ", "ヒロシ", Profession.DENTIST),
                person("衛生", "愛", "エイセイ", "アイ", Profession.OTHER_CARE_STAFF)));
        staffOf(pharmacy, "midori-pharmacy", List.of(
                person("薬師", "進", "ヤクシ", "ススム", Profession.PHARMACIST),
                person("服薬", "典子", "フクヤク", "ノリコ", Profession.PHARMACIST)));
        staffOf(nursing, "kagayaki-nursing", List.of(
                person("光野", "恵", "ミツノ", "メグミ", Profession.NURSE),
                person("訪問", "一美", "ホウモン", "カズミ", Profession.NURSE)));
        staffOf(care, "yasuragi-care", List.of(
                person("安田", "和夫", "ヤスダ", "カズオ", Profession.OTHER_CARE_STAFF),
                person("宇土", "明美", "ウト", "アケミ", Profession.CARE_MANAGER),
                person("介護", "正樹", "カイゴ", "マサキ", Profession.OTHER_CARE_STAFF)));
        staffOf(supportCentre, "support-centre", List.of(
                person("中村", "聡", "ナカムラ", "サトシ", Profession.CARE_MANAGER),
                person("包括", "真理", "ホウカツ", "マリ", Profession.OTHER_CARE_STAFF)));
        staffOf(city, "midori-city", List.of(
                person("松橋", "礼子", "マツバセ", "レイコ", Profession.CLERK)));

        Map<String, FacilityId> administrators = Map.of(
                "admin-midori", cityHospital, "admin-sakura", sakura, "admin-kagayaki", nursing,
                "admin-yasuragi", care);
        administrators.forEach((username, facility) -> accounts.create(username,
                facilities.get(facility).details().peopleIn(Role.ADMINISTRATOR).get(0).name(), password,
                Actor.AccountKind.FACILITY_ADMINISTRATOR, facility.value()));

        // Applications still waiting for the operator
        facilities.applyToJoin(FacilityKind.CLINIC, code("431030", 9), details("こもれび在宅クリニック",
                "コモレビザイタククリニック", "869-0408", "熊本県みどり市木漏日町7-7", "0964-37-0707", "木下 陽", "院長",
                "木下 陽", "院長"), today.minusDays(3), today.plusDays(30), operator);
        facilities.applyForChange(sakura, details("さくら内科・循環器クリニック", "サクラナイカジュンカンキクリニック",
                "869-0403", "熊本県みどり市桜町2-10 さくらメディカルビル2階", "0964-33-3456", "桜井 大輔", "院長",
                "桜井 大輔", "院長"), today.minusDays(5), today.plusDays(40), operator);
        staff.applyToAdd(pharmacy, person("新人", "薬子", "シンジン", "クスリコ", Profession.PHARMACIST),
                today.minusDays(2), today.plusDays(20), operator);
        StaffId leaving = staff.ofFacility(sakura).stream()
                .filter(s -> s.familyName().equals("外来")).findFirst().orElseThrow().id();
        staff.applyToWithdraw(leaving, today.minusDays(1), today.plusDays(30), operator);

        // A nurse's self-registration for a provisional account, waiting for admin-midori (USR-03)
        selfRegistration.register(new SelfRegistration.Form(MARKER_CODE, "仮野", "若菜", "カリノ", "ワカナ",
                Profession.NURSE, "karino@example.jp", "kari-karino", password, password));

        participants(today, cityHospital, hillHospital, sakura, himawari, pharmacy, nursing, care);
    }

    /**
     * Participants and their forms (PAR, CON): registered ones with the patient numbers of several facilities, one
     * who said not to share with a facility, one who withdrew, a likely duplicate, and forms still in the queue
     * (one of them late).
     */
    private void participants(LocalDate today, FacilityId cityHospital, FacilityId hillHospital, FacilityId sakura,
            FacilityId himawari, FacilityId pharmacy, FacilityId nursing, FacilityId care) {
        var yamada = registered(newForm(patient("山田", "花子", "ヤマダ", "ハナコ", LocalDate.of(1941, 3, 8), Sex.FEMALE),
                sakura, today.minusDays(60), listed(sakura, "S-10234"), listed(cityHospital, "0012345"),
                listed(pharmacy, "P-5521"), listed(nursing, "K-0031")));
        registered(newForm(patient("田中", "一郎", "タナカ", "イチロウ", LocalDate.of(1952, 11, 23), Sex.MALE), cityHospital,
                today.minusDays(40), listed(cityHospital, "0023456"), listed(sakura, "S-20871"),
                listed(hillHospital, "H-778812")));
        var suzuki = registered(newForm(patient("鈴木", "トメ", "スズキ", "トメ", LocalDate.of(1936, 7, 2), Sex.FEMALE),
                care, today.minusDays(30), listed(care, "Y-0102"), listed(cityHospital, "0034567"),
                listed(hillHospital, "H-901233")));
        registered(changeForm(suzuki, care, today.minusDays(20), hillHospital));
        registered(newForm(patient("佐藤", "陽太", "サトウ", "ヨウタ", LocalDate.of(2016, 5, 5), Sex.MALE), himawari,
                today.minusDays(25), "GUARDIAN", listed(himawari, "C-3301"), listed(cityHospital, "0045678")));
        var kimura = registered(newForm(patient("木村", "健", "キムラ", "ケン", LocalDate.of(1960, 1, 15), Sex.MALE),
                cityHospital, today.minusDays(50), listed(cityHospital, "0056789"), listed(pharmacy, "P-7788")));
        registered(formFor(FormKind.WITHDRAWAL, kimura, cityHospital, today.minusDays(10), List.of()));
        registered(newForm(patient("山田", "花子", "ヤマダ", "ハナコ", LocalDate.of(1941, 3, 8), Sex.FEMALE), hillHospital,
                today.minusDays(15), listed(hillHospital, "H-556677")));
        // In the queue: an add form for Yamada at the hill hospital, and a late new form from the clinic
        consent.enter(formFor(FormKind.ADD, yamada, hillHospital, today.minusDays(1),
                List.of(listed(hillHospital, "H-112233"))), operator);
        consent.enter(newForm(patient("高橋", "幸子", "タカハシ", "サチコ", LocalDate.of(1948, 9, 30), Sex.FEMALE), sakura,
                today.minusDays(9), listed(sakura, "S-30912"), listed(pharmacy, "P-9001")), operator);
    }

    /** A participant as the demo knows them: who, and the card number on their latest registered form. */
    private record Joined(ParticipantId id, String card, String name) {
    }

    private Joined registered(FormEntry form) {
        var formId = consent.enter(form, operator);
        ParticipantId id = consent.register(formId, operator);
        String card = consent.form(formId, operator).issuedCardNumber();
        return new Joined(id, card != null ? card : form.cardNumber(), form.patient() != null
                ? form.patient().fullName() : form.signerName());
    }

    private static PatientDetails patient(String family, String given, String familyKana, String givenKana,
            LocalDate born, Sex sex) {
        return new PatientDetails(family, given, familyKana, givenKana, born, sex, "0964-" + (20 + born.getDayOfMonth())
                + "-" + String.format("%04d", born.getYear()), "869-0400", "熊本県みどり市中央町" + born.getMonthValue() + "-"
                + born.getDayOfMonth());
    }

    private static ListedFacility listed(FacilityId facility, String patientNumber) {
        return new ListedFacility(facility, patientNumber, Listing.PERMIT);
    }

    private static FormEntry newForm(PatientDetails patient, FacilityId receiving, LocalDate receivedOn,
            ListedFacility... listed) {
        return newForm(patient, receiving, receivedOn, "PATIENT", listed);
    }

    private static FormEntry newForm(PatientDetails patient, FacilityId receiving, LocalDate receivedOn, String signer,
            ListedFacility... listed) {
        boolean guardian = signer.equals("GUARDIAN");
        return new FormEntry(FormKind.NEW, receiving, "受付 理恵", Signer.valueOf(signer),
                guardian ? patient.familyName() + " 美穂" : patient.fullName(), guardian ? "母" : null, null, null,
                false, patient, null, null, List.of(listed), false, receivedOn, null);
    }

    private FormEntry changeForm(Joined participant, FacilityId receiving, LocalDate receivedOn,
            FacilityId doNotShare) {
        return formFor(FormKind.CHANGE, participant, receiving, receivedOn,
                List.of(new ListedFacility(doNotShare, null, Listing.DENY)));
    }

    private FormEntry formFor(FormKind kind, Joined participant, FacilityId receiving, LocalDate receivedOn,
            List<ListedFacility> listed) {
        return new FormEntry(kind, receiving, "受付 理恵", Signer.PATIENT, participant.name(), null, null, null,
                false, null, participant.card(), null, listed, false, receivedOn, null);
    }

    private FacilityId member(FacilityKind kind, String code, String name, String kana, String postal,
            String address, String phone, String head, String headPost, String administrator, String adminPost) {
        LocalDate today = JapanTime.today(clock);
        FacilityId id = facilities.applyToJoin(kind, code, details(name, kana, postal, address, phone, head, headPost,
                administrator, adminPost), today.minusDays(30), today, operator);
        acceptOpen(filings.ofFacility(id.value()));
        return id;
    }

    private void staffOf(FacilityId facility, String slug, List<NewStaff> people) {
        LocalDate today = JapanTime.today(clock);
        int n = 0;
        for (NewStaff person : people) {
            StaffId id = staff.applyToAdd(facility, person, today.minusDays(15), today, operator);
            acceptOpen(filings.ofStaff(id.value()));
            cardHolders.add(new CardHolder(slug + "-" + person.profession().name().toLowerCase().replace('_', '-')
                    + "-" + (++n), id, person, facilities.get(facility).name()));
        }
    }

    /** A demo user who gets a soft-token card; {@code file} names the PKCS#12 file. */
    private record CardHolder(String file, StaffId id, NewStaff person, String facility) {
    }

    /**
     * A PKCS#12 soft token for every demo user, in the folder the README names: HPKI-shaped cards from the demo
     * test HPKI CA for doctors and pharmacists, network user cards for everyone else. An index lists who is who.
     */
    private void issueCards() {
        try {
            Files.createDirectories(certificates);
            var index = new StringBuilder("# Demo IC-card soft tokens (PKCS#12). Password of every file: ")
                    .append(password).append("\n# file\tname\tfacility\tprofession\tcard\n");
            for (CardHolder holder : cardHolders) {
                boolean hpki = holder.person().profession().usesHpkiCard();
                byte[] token = hpki
                        ? hpkiCards.issueSoftToken(holder.id().value(), password.toCharArray())
                        : networkCards.issueSoftToken(holder.id().value(), password.toCharArray(), "demo region");
                Path file = certificates.resolve(holder.file() + ".p12");
                Files.write(file, token);
                index.append(file.getFileName()).append('\t')
                        .append(holder.person().familyName()).append(' ').append(holder.person().givenName())
                        .append('\t').append(holder.facility()).append('\t').append(holder.person().profession())
                        .append('\t').append(hpki ? "HPKI (demo test CA)" : "network user card").append('\n');
            }
            Files.writeString(certificates.resolve("index.tsv"), index);
            log.info("Demo IC-card soft tokens written to {}", certificates.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("Demo certificates could not be written to " + certificates, e);
        }
    }

    private void acceptOpen(List<Filing> applications) {
        applications.stream().filter(f -> f.kind() == FilingKind.FACILITY_NEW || f.kind() == FilingKind.STAFF_ADD)
                .forEach(f -> filings.accept(f.id(), operator));
    }

    private static FacilityDetails details(String name, String kana, String postal, String address, String phone,
            String head, String headPost, String administrator, String adminPost) {
        List<FacilityPerson> people = new ArrayList<>();
        people.add(new FacilityPerson(Role.HEAD, head, headPost, phone, null));
        people.add(new FacilityPerson(Role.ADMINISTRATOR, administrator, adminPost, phone, null));
        people.add(new FacilityPerson(Role.CONTACT, administrator, adminPost, phone, "renkei@example.jp"));
        people.add(new FacilityPerson(Role.RECEPTION, "受付 担当", "受付", phone, null));
        return new FacilityDetails(name, kana, postal, address, phone, people);
    }

    private static NewStaff person(String family, String given, String familyKana, String givenKana,
            Profession profession) {
        return new NewStaff(family, given, familyKana, givenKana, profession, null);
    }

    /** A medical institution code of prefecture 43: the six digits given, a serial digit, and the check digit. */
    private static String code(String prefix, int serial) {
        String nine = prefix + serial + "01";
        nine = nine.substring(0, 9);
        int sum = 0;
        boolean twice = true;
        for (int i = nine.length() - 1; i >= 0; i--) {
            int d = (nine.charAt(i) - '0') * (twice ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
            twice = !twice;
        }
        return nine + (10 - sum % 10) % 10;
    }
}
