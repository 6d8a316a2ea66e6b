package org.renkei;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.renkei.facility.FacilityDetails;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityKind;
import org.renkei.facility.FacilityPerson;
import org.renkei.facility.FacilityPerson.Role;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.renkei.filing.FilingKind;
import org.renkei.identity.Actor;
import org.renkei.identity.AuthLevel;
import org.renkei.platform.time.JapanTime;

/** Builds facilities for tests: unique valid codes, complete details, the operator acting. */
public final class TestRegion {

    public static final Actor OPERATOR = new Actor(UUID.randomUUID(), "operator", "運営事務局",
            AuthLevel.OPERATOR_PASSWORD, Actor.AccountKind.OPERATOR, null);

    private TestRegion() {
    }

    public static LocalDate today() {
        return LocalDate.now(JapanTime.ZONE);
    }

    /** Facility numbers handed out in this JVM: counted up from a random start, so no two tests share a code. */
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_NUMBER =
            new java.util.concurrent.atomic.AtomicInteger(ThreadLocalRandom.current().nextInt(100_000, 500_000));

    /** A fresh, valid 10-digit medical institution code of Kumamoto (43) for the kind, unique in this test run. */
    public static String medicalCode(FacilityKind kind) {
        char table = switch (kind) {
            case DENTAL_CLINIC -> '3';
            case PHARMACY -> '4';
            case HOME_NURSING_STATION -> '6';
            default -> '1';
        };
        String nine = "43" + table + String.format("%06d", NEXT_NUMBER.getAndIncrement() % 1_000_000);
        return nine + luhn(nine);
    }

    public static int luhn(String digits) {
        int sum = 0;
        boolean twice = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = (digits.charAt(i) - '0') * (twice ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
            twice = !twice;
        }
        return (10 - sum % 10) % 10;
    }

    public static FacilityDetails details(String name) {
        return new FacilityDetails(name, "テストシセツ", "860-0806", "熊本県熊本市中央区花畑町1-1", "096-123-4567", List.of(
                new FacilityPerson(Role.HEAD, "院長 一郎", "院長", "096-123-4567", null),
                new FacilityPerson(Role.ADMINISTRATOR, "管理 花子", "事務長", "096-123-4568", "admin@example.jp"),
                new FacilityPerson(Role.CONTACT, "連絡 次郎", "医事課", "096-123-4569", "contact@example.jp"),
                new FacilityPerson(Role.RECEPTION, "受付 三郎", "医事課", null, null)));
    }

    /** Applies to join with a wished date of today (received 40 days ago) — not yet decided. */
    public static FacilityId applying(FacilityRegistry registry, FacilityKind kind, String name) {
        return registry.applyToJoin(kind, medicalCode(kind), details(name), today().minusDays(40), today(), OPERATOR);
    }

    /** A facility that joined today. */
    public static FacilityId active(FacilityRegistry registry, FilingDesk filings, FacilityKind kind, String name) {
        FacilityId id = applying(registry, kind, name);
        var filing = filings.ofFacility(id.value()).stream().filter(f -> f.kind() == FilingKind.FACILITY_NEW)
                .findFirst().orElseThrow();
        filings.accept(filing.id(), OPERATOR);
        return id;
    }
}
