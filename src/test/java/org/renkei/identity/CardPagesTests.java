package org.renkei.identity;

import org.renkei.TestLogins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.renkei.staff.StaffId;
import org.renkei.staff.StaffRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@RenkeiTest
class CardPagesTests {

    private static final String ADMIN_PASSWORD = "Test-admin-1!";

    @Autowired MockMvc mvc;
    @Autowired LoginAccounts accounts;
    @Autowired StaffRegistry staffRegistry;
    @Autowired FacilityRegistry facilities;
    @Autowired FilingDesk filings;
    @Autowired CardCertificates certificates;
    @Autowired NetworkCardAuthority authority;
    @Autowired JdbcClient jdbc;

    TestStaff staff;

    @BeforeEach
    void setUp() {
        staff = new TestStaff(facilities, filings, staffRegistry);
    }

    @Test
    @DisplayName("USR-07 a facility administrator requests a card for a user of their facility; the operator sees it in the queue and issues it from the card's CSR")
    void requestAndIssueFromCsr() throws Exception {
        FacilityId hospital = staff.hospital("カード申請テスト病院");
        StaffId nurse = staff.active(hospital, "申請", Profession.NURSE);
        MockHttpSession admin = administratorOf(hospital);

        mvc.perform(get("/facility").session(admin))
                .andExpect(content().string(containsString("/facility/cards")));
        mvc.perform(get("/facility/cards").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("利用者カードの申請")))
                .andExpect(content().string(containsString("value=\"" + nurse + "\"")));
        mvc.perform(post("/facility/cards/requests").session(admin).with(csrf())
                        .param("staffId", nurse.toString()).param("reason", "NEW").param("note", "新規採用"))
                .andExpect(redirectedUrl("/facility/cards"));
        UUID request = openRequestOf(nurse);
        mvc.perform(post("/facility/cards/requests").session(admin).with(csrf())
                        .param("staffId", nurse.toString()).param("reason", "NEW"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("処理中の申請があります")));

        MockHttpSession operator = operator();
        mvc.perform(get("/operator/cards").session(operator))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/operator/cards/requests/" + request)))
                .andExpect(content().string(containsString("カード申請テスト病院")))
                .andExpect(content().string(containsString("Renkei Network User Card CA")));
        mvc.perform(get("/operator/cards/requests/{id}", request).session(operator))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("申請 花子")))
                .andExpect(content().string(containsString("新規採用")));

        String bad = TestCsrs.signedByAnother(TestCsrs.ec(), TestCsrs.ec());
        mvc.perform(multipart("/operator/cards/requests/{id}/csr", request).param("csr", bad)
                        .session(operator).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("CSRの署名を検証できません")));
        assertThat(certificates.ofStaff(nurse.value())).isEmpty();

        var file = new MockMultipartFile("csrFile", "card.csr", "application/pkcs10",
                TestCsrs.pem(TestCsrs.rsa(2048)).getBytes(StandardCharsets.US_ASCII));
        var issued = mvc.perform(multipart("/operator/cards/requests/{id}/csr", request).file(file)
                        .session(operator).with(csrf()))
                .andExpect(redirectedUrlPattern("/operator/cards/certificates/*"))
                .andReturn();
        CardCertificate card = certificates.ofStaff(nurse.value()).get(0);
        assertThat(issued.getResponse().getRedirectedUrl()).endsWith(card.id().toString());
        assertThat(jdbc.sql("select status from card_request where id = :id").param("id", request)
                .query(String.class).single()).isEqualTo("ISSUED");
        mvc.perform(get("/operator/cards/certificates/{id}", card.id()).session(operator))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("-----BEGIN CERTIFICATE-----")))
                .andExpect(content().string(containsString(card.serialNumber())));
        byte[] der = mvc.perform(get("/operator/cards/certificates/{id}/download", card.id()).session(operator))
                .andExpect(content().contentType("application/pkix-cert"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(der).isEqualTo(card.der());
        mvc.perform(get("/facility/cards").session(admin))
                .andExpect(content().string(containsString(card.serialNumber())))
                .andExpect(content().string(containsString("発行済")));
    }

    @Test
    @DisplayName("USR-07 a facility administrator cannot request a card for another facility's user: not found, nothing written")
    void otherFacilitysUser() throws Exception {
        FacilityId own = staff.hospital("自施設テスト病院");
        FacilityId other = staff.hospital("他施設テスト病院");
        StaffId stranger = staff.active(other, "他施設", Profession.NURSE);
        long before = jdbc.sql("select count(*) from card_request").query(Long.class).single();

        mvc.perform(post("/facility/cards/requests").session(administratorOf(own)).with(csrf())
                        .param("staffId", stranger.toString()).param("reason", "NEW"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/facility/cards").session(administratorOf(own)))
                .andExpect(content().string(not(containsString(stranger.toString()))));

        assertThat(jdbc.sql("select count(*) from card_request").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    @DisplayName("USR-02 no network card can be requested for a doctor or a pharmacist: refused with the reason, nothing written")
    void hpkiProfessionsRefused() throws Exception {
        FacilityId hospital = staff.hospital("HPKI確認テスト病院");
        StaffId doctor = staff.active(hospital, "医師", Profession.DOCTOR);
        StaffId pharmacist = staff.active(hospital, "薬剤師", Profession.PHARMACIST);
        MockHttpSession admin = administratorOf(hospital);

        mvc.perform(get("/facility/cards").session(admin))
                .andExpect(content().string(not(containsString("value=\"" + doctor + "\""))));
        for (StaffId id : List.of(doctor, pharmacist)) {
            mvc.perform(post("/facility/cards/requests").session(admin).with(csrf())
                            .param("staffId", id.toString()).param("reason", "NEW"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("HPKIカード")));
            assertThat(jdbc.sql("select count(*) from card_request where staff_id = :id").param("id", id.value())
                    .query(Long.class).single()).isZero();
        }
    }

    @Test
    @DisplayName("USR-07 re-issue of a lost card: the soft token is shown once with its password and opens; the old card is revoked as compromised and on the public CRL")
    void reissueLostCard() throws Exception {
        FacilityId hospital = staff.hospital("再発行テスト病院");
        StaffId clerk = staff.active(hospital, "再発行", Profession.CLERK);
        X509Certificate old = authority.issueFromCsr(clerk.value(), TestCsrs.pem(TestCsrs.ec()), "operator");
        MockHttpSession admin = administratorOf(hospital);

        mvc.perform(post("/facility/cards/requests").session(admin).with(csrf())
                        .param("staffId", clerk.toString()).param("reason", "NEW"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("再発行を申請してください")));
        mvc.perform(post("/facility/cards/requests").session(admin).with(csrf())
                        .param("staffId", clerk.toString()).param("reason", "LOST").param("note", "電車内で紛失"))
                .andExpect(redirectedUrl("/facility/cards"));
        UUID request = openRequestOf(clerk);

        MockHttpSession operator = operator();
        mvc.perform(get("/operator/cards/requests/{id}", request).session(operator))
                .andExpect(content().string(containsString("紛失・盗難（鍵の危殆化）")));
        String page = mvc.perform(post("/operator/cards/requests/{id}/soft-token", request).session(operator)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andReturn().getResponse().getContentAsString();
        String password = find(page, "id=\"soft-token-password\">([^<]+)<");
        byte[] p12 = Base64.getDecoder().decode(find(page, "data:application/x-pkcs12;base64,([A-Za-z0-9+/=]+)"));
        KeyStore token = KeyStore.getInstance("PKCS12");
        token.load(new ByteArrayInputStream(p12), password.toCharArray());
        var fresh = (X509Certificate) token.getCertificate(token.aliases().nextElement());
        assertThat(fresh.getSubjectAlternativeNames()).containsExactly(List.of(6, "urn:renkei:staff:" + clerk));

        assertThat(jdbc.sql("select count(*) from card_request where id = :id and status = 'ISSUED'")
                .param("id", request).query(Long.class).single()).isOne();
        assertThat(certificates.ofStaff(clerk.value())).hasSize(2)
                .filteredOn(CardCertificate::revoked).singleElement()
                .satisfies(c -> assertThat(c.revocationReason()).isEqualTo("keyCompromise"));

        X509CRL crl = publicCrl();
        assertThat(crl.getRevokedCertificate(old).getRevocationReason())
                .isEqualTo(java.security.cert.CRLReason.KEY_COMPROMISE);
        assertThat(crl.isRevoked(fresh)).isFalse();
        mvc.perform(post("/operator/cards/requests/{id}/soft-token", request).session(operator).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("すでに決定されています")));
    }

    @Test
    @DisplayName("USR-07 the operator refuses a request with a reason, and revokes a lost card from the user's card page at once")
    void refuseAndRevoke() throws Exception {
        FacilityId hospital = staff.hospital("失効操作テスト病院");
        StaffId manager = staff.active(hospital, "失効", Profession.CARE_MANAGER);
        X509Certificate card = authority.issueFromCsr(manager.value(), TestCsrs.pem(TestCsrs.ec()), "operator");
        mvc.perform(post("/facility/cards/requests").session(administratorOf(hospital)).with(csrf())
                        .param("staffId", manager.toString()).param("reason", "BROKEN"))
                .andExpect(redirectedUrl("/facility/cards"));
        UUID request = openRequestOf(manager);
        MockHttpSession operator = operator();

        mvc.perform(post("/operator/cards/requests/{id}/refuse", request).session(operator).with(csrf())
                        .param("reason", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("不承認の理由を入力してください")));
        mvc.perform(post("/operator/cards/requests/{id}/refuse", request).session(operator).with(csrf())
                        .param("reason", "カードは破損していないことを確認"))
                .andExpect(redirectedUrl("/operator/cards"));
        assertThat(jdbc.sql("select refusal_reason from card_request where id = :id").param("id", request)
                .query(String.class).single()).isEqualTo("カードは破損していないことを確認");

        mvc.perform(get("/operator/staff/{id}", manager).session(operator))
                .andExpect(content().string(containsString("/operator/cards/staff/" + manager)));
        CardCertificate registered = certificates.ofStaff(manager.value()).get(0);
        mvc.perform(get("/operator/cards/staff/{id}", manager).session(operator))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/operator/cards/certificates/" + registered.id() + "/revoke")));
        mvc.perform(post("/operator/cards/certificates/{id}/revoke", registered.id()).session(operator).with(csrf())
                        .param("reason", "KEY_COMPROMISE"))
                .andExpect(redirectedUrl("/operator/cards/staff/" + manager));
        assertThat(publicCrl().isRevoked(card)).isTrue();
        mvc.perform(get("/operator/cards/staff/{id}", manager).session(operator))
                .andExpect(content().string(containsString("運営事務局")))
                .andExpect(content().string(not(containsString("/certificates/" + registered.id() + "/revoke"))));
    }

    @Test
    @DisplayName("USR-07 card pages are the operator's and the facility administrator's only; the CA's public face needs no login")
    void whoSeesWhat() throws Exception {
        mvc.perform(get("/operator/cards")).andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/facility/cards")).andExpect(redirectedUrlPattern("**/login"));
        MockHttpSession admin = administratorOf(staff.hospital("権限テスト病院"));
        mvc.perform(get("/operator/cards").session(admin)).andExpect(status().isForbidden());
        mvc.perform(get("/facility/cards").session(operator())).andExpect(status().isForbidden());
        mvc.perform(get("/public/ca/crl")).andExpect(status().isOk());
        mvc.perform(get("/public/ca/certificate")).andExpect(status().isOk());
        mvc.perform(get("/operator/cards/requests/{id}", "not-an-id").session(operator()))
                .andExpect(status().isNotFound());
    }

    private UUID openRequestOf(StaffId id) {
        return jdbc.sql("select id from card_request where staff_id = :staff and status = 'REQUESTED'")
                .param("staff", id.value()).query(UUID.class).single();
    }

    private X509CRL publicCrl() throws Exception {
        return Pki.crl(mvc.perform(get("/public/ca/crl")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray());
    }

    private static String find(String text, String regex) {
        var matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as(regex).isTrue();
        return matcher.group(1);
    }

    private MockHttpSession operator() throws Exception {
        return TestLogins.operator(mvc);
    }

    private MockHttpSession administratorOf(FacilityId facility) throws Exception {
        String username = "ca-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(username, "管理責任者", ADMIN_PASSWORD, Actor.AccountKind.FACILITY_ADMINISTRATOR,
                facility.value());
        return login(username, ADMIN_PASSWORD);
    }

    private MockHttpSession login(String username, String password) throws Exception {
        return TestLogins.login(mvc, username, password);
    }
}
