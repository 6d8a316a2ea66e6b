package org.renkei.facility;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FacilityCodesTest {

    @Test
    @DisplayName("FAC-01 a published medical institution code passes: its last digit is the Luhn digit of the first nine")
    void publishedCodePasses() {
        // a prescription-issuing institution code printed as the example of the code's structure
        assertThat(FacilityCodes.problem(FacilityKind.CLINIC, "0110113719")).isEmpty();
        assertThat(FacilityCodes.luhnCheckDigit("011011371")).isEqualTo(9);
    }

    @Test
    @DisplayName("FAC-01 a wrong check digit, a wrong length or an unknown prefecture is refused with its own reason")
    void malformedCodesAreRefused() {
        assertThat(FacilityCodes.problem(FacilityKind.CLINIC, "0110113718")).contains("facility.code.medical.checkDigit");
        assertThat(FacilityCodes.problem(FacilityKind.CLINIC, "011011371")).contains("facility.code.medical.format");
        assertThat(FacilityCodes.problem(FacilityKind.CLINIC, "4811234567")).contains("facility.code.medical.format");
        assertThat(FacilityCodes.problem(FacilityKind.CLINIC, "01101137１9")).contains("facility.code.medical.format");
        assertThat(FacilityCodes.problem(FacilityKind.CLINIC, " ")).contains("facility.code.missing");
    }

    @Test
    @DisplayName("FAC-01 the point-table digit must fit the kind: medical 1, dental 3, pharmacy 4, nursing 6")
    void pointTableFitsKind() {
        String dental = "433" + "123456";
        dental += FacilityCodes.luhnCheckDigit(dental);
        assertThat(FacilityCodes.problem(FacilityKind.DENTAL_CLINIC, dental)).isEmpty();
        assertThat(FacilityCodes.problem(FacilityKind.HOSPITAL, dental)).contains("facility.code.medical.pointTable");
        String pharmacy = "434" + "123456";
        pharmacy += FacilityCodes.luhnCheckDigit(pharmacy);
        assertThat(FacilityCodes.problem(FacilityKind.PHARMACY, pharmacy)).isEmpty();
        String nursing = "436" + "123456";
        nursing += FacilityCodes.luhnCheckDigit(nursing);
        assertThat(FacilityCodes.problem(FacilityKind.HOME_NURSING_STATION, nursing)).isEmpty();
    }

    @Test
    @DisplayName("FAC-01 a municipality is quoted by its local government code with its modulus-11 check digit")
    void localGovernmentCode() {
        assertThat(FacilityCodes.problem(FacilityKind.MUNICIPALITY, "431001")).isEmpty(); // 熊本市
        assertThat(FacilityCodes.problem(FacilityKind.MUNICIPALITY, "131016")).isEmpty(); // 千代田区
        assertThat(FacilityCodes.problem(FacilityKind.MUNICIPALITY, "011002")).isEmpty(); // 札幌市
        assertThat(FacilityCodes.problem(FacilityKind.MUNICIPALITY, "431002"))
                .contains("facility.code.localGovernment.checkDigit");
        assertThat(FacilityCodes.problem(FacilityKind.MUNICIPALITY, "43100"))
                .contains("facility.code.localGovernment.format");
    }

    @Test
    @DisplayName("FAC-01 a care facility is quoted by its 10-digit care provider number")
    void careProviderNumber() {
        assertThat(FacilityCodes.problem(FacilityKind.CARE_FACILITY, "4370100123")).isEmpty();
        assertThat(FacilityCodes.problem(FacilityKind.CARE_FACILITY, "437010012"))
                .contains("facility.code.careProvider.format");
    }
}
