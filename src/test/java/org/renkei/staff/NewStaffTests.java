package org.renkei.staff;

import org.renkei.identity.Profession;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NewStaffTests {

    private static NewStaff with(String familyKana, String givenKana, Profession profession, String email) {
        return new NewStaff("山田", "太郎", familyKana, givenKana, profession, email);
    }

    @Test
    @DisplayName("USR-01 a complete user add application has no problem")
    void complete() {
        assertThat(with("ヤマダ", "タロウ", Profession.DOCTOR, "yamada@example.jp").problem()).isEmpty();
        assertThat(with("ヴァン・デル", "ジョー　ジ", Profession.NURSE, null).problem()).isEmpty();
        assertThat(with("サトー", "ユウ", Profession.CLERK, "  ").problem()).isEmpty();
    }

    @Test
    @DisplayName("USR-01 names in kanji and kana and the profession are required")
    void required() {
        assertThat(new NewStaff(" ", "太郎", "ヤマダ", "タロウ", Profession.DOCTOR, null).problem())
                .contains("staff.familyName.missing");
        assertThat(new NewStaff("山田", null, "ヤマダ", "タロウ", Profession.DOCTOR, null).problem())
                .contains("staff.givenName.missing");
        assertThat(with(null, "タロウ", Profession.DOCTOR, null).problem()).contains("staff.familyNameKana.missing");
        assertThat(with("ヤマダ", "", Profession.DOCTOR, null).problem()).contains("staff.givenNameKana.missing");
        assertThat(with("ヤマダ", "タロウ", null, null).problem()).contains("staff.profession.missing");
    }

    @Test
    @DisplayName("USR-01 the kana must be full-width katakana")
    void katakanaOnly() {
        assertThat(with("やまだ", "タロウ", Profession.DOCTOR, null).problem())
                .contains("staff.familyNameKana.notKatakana");
        assertThat(with("ﾔﾏﾀﾞ", "タロウ", Profession.DOCTOR, null).problem())
                .contains("staff.familyNameKana.notKatakana");
        assertThat(with("ヤマダ", "Taro", Profession.DOCTOR, null).problem())
                .contains("staff.givenNameKana.notKatakana");
        assertThat(with("ヤマダ", "太郎", Profession.DOCTOR, null).problem())
                .contains("staff.givenNameKana.notKatakana");
        assertThat(with("ヤマダ", "ー", Profession.DOCTOR, null).problem())
                .contains("staff.givenNameKana.notKatakana");
    }

    @Test
    @DisplayName("USR-01 an e-mail address, when given, must look like one")
    void email() {
        assertThat(with("ヤマダ", "タロウ", Profession.DOCTOR, "yamada").problem()).contains("staff.email.invalid");
        assertThat(with("ヤマダ", "タロウ", Profession.DOCTOR, "yamada@host").problem()).contains("staff.email.invalid");
    }

    @Test
    @DisplayName("USR-01 the full name is the family name, a space and the given name")
    void fullName() {
        var member = new StaffMember(new StaffId(java.util.UUID.randomUUID()),
                new org.renkei.facility.FacilityId(java.util.UUID.randomUUID()), "山田", "太郎", "ヤマダ", "タロウ",
                Profession.DOCTOR, null, StaffStatus.ACTIVE, null, null, null);
        assertThat(member.fullName()).isEqualTo("山田 太郎");
        assertThat(member.fullNameKana()).isEqualTo("ヤマダ タロウ");
    }
}
