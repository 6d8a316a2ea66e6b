package org.renkei.staff;

import org.renkei.identity.Profession;

import java.time.Instant;
import java.time.LocalDate;
import org.renkei.facility.FacilityId;

/** A user of a member facility (利用者) as registered (USR-01). */
public record StaffMember(StaffId id, FacilityId facility, String familyName, String givenName,
        String familyNameKana, String givenNameKana, Profession profession, String email, StaffStatus status,
        LocalDate joinedOn, LocalDate withdrawnOn, String suspensionReason) {

    /** The name as written in Japanese: family name, a space, given name ({@code 山田 太郎}). */
    public String fullName() {
        return familyName + " " + givenName;
    }

    /** The name in katakana ({@code ヤマダ タロウ}). */
    public String fullNameKana() {
        return familyNameKana + " " + givenNameKana;
    }

    public boolean isActive() {
        return status == StaffStatus.ACTIVE;
    }

    /** One line of a user's state history. */
    public record HistoryEntry(Instant at, StaffStatus status, String note, String actor) {
    }
}
