package org.renkei.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.renkei.TestRegion.OPERATOR;
import static org.renkei.TestRegion.today;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.renkei.TestLogins;
import org.renkei.TestRegion;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityKind;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.renkei.staff.NewStaff;
import org.renkei.staff.StaffId;
import org.renkei.staff.StaffRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Temporary accounts (臨時アカウント) issued by the support centre to card users who cannot use their card. */
@RenkeiTest
class TemporaryAccountTests {

    private static final String NEW_PASSWORD = "Own-temp-pw-1!";

    @Autowired MockMvc mvc;
    @Autowired FacilityRegistry facilities;
    @Autowired FilingDesk filings;
    @Autowired StaffRegistry staff;
    @Autowired JdbcClient jdbc;
    @Autowired CardCertificates cards;

    record Issued(UUID id, String username, String password) {
    }

    private StaffId activeUser(String family) {
        FacilityId facility = TestRegion.active(facilities, filings, FacilityKind.HOSPITAL, "臨時試験病院");
        StaffId id = staff.applyToAdd(facility, new NewStaff(family, "花子", "リンジ", "ハナコ", Profession.NURSE, null),
                today().minusDays(15), today(), OPERATOR);
        filings.accept(filings.ofStaff(id.value()).get(0).id(), OPERATOR);
        return id;
    }

    private Issued issue(StaffId user, String reason) throws Exception {
        MvcResult result = mvc.perform(post("/operator/accounts/temporary").param("staff", user.toString())
                        .param("reason", reason).with(csrf()).session(TestLogins.operator(mvc)))
                .andExpect(redirectedUrlPattern("/operator/accounts/*")).andReturn();
        UUID id = UUID.fromString(result.getResponse().getRedirectedUrl().replace("/operator/accounts/", ""));
        return new Issued(id, (String) result.getFlashMap().get("issuedUsername"),
                (String) result.getFlashMap().get("issuedPassword"));
    }

    private Instant validUntil(UUID id) {
        return jdbc.sql("select valid_until from login_account where id = :id").param("id", id)
                .query(Timestamp.class).single().toInstant();
    }

    private static Actor actorOf(MockHttpSession session) {
        var context = (SecurityContext) session.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        SecurityContextHolder.setContext(context);
        try {
            return CurrentActor.get().orElseThrow();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    @DisplayName("USR-04 the support centre issues a temporary account from the user's page, with the reason; valid 30 days")
    void issueFromTheUsersPage() throws Exception {
        StaffId user = activeUser("臨時");
        MockHttpSession operator = TestLogins.operator(mvc);
        mvc.perform(get("/operator/staff/{id}", user).session(operator))
                .andExpect(content().string(containsString("/operator/accounts/temporary?staff=" + user)));
        mvc.perform(get("/operator/accounts/temporary").param("staff", user.toString()).session(operator))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("臨時 花子")))
                .andExpect(content().string(containsString("有効期間は30日")));
        mvc.perform(post("/operator/accounts/temporary").param("staff", user.toString()).param("reason", " ")
                        .with(csrf()).session(operator))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("発行の理由を入力してください")));

        Instant before = Instant.now();
        Issued issued = issue(user, "利用者カードを自宅に忘れた");
        assertThat(issued.username()).startsWith("tmp-");
        assertThat(PasswordPolicy.problem(issued.password())).isEmpty();
        assertThat(validUntil(issued.id())).isBetween(before.plus(Duration.ofDays(30)),
                Instant.now().plus(Duration.ofDays(30)));
        // the redirect after issuing shows the initial password, once
        mvc.perform(get("/operator/accounts/{id}", issued.id()).session(operator))
                .andExpect(content().string(containsString(issued.password())))
                .andExpect(content().string(containsString("利用者カードを自宅に忘れた")))
                .andExpect(content().string(containsString("臨時アカウント")));
        mvc.perform(get("/operator/accounts/{id}", issued.id()).session(operator))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(issued.password()))));

        mvc.perform(post("/operator/accounts/temporary").param("staff", user.toString()).param("reason", "再発行")
                        .with(csrf()).session(operator))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("有効な臨時アカウント（" + issued.username() + "）")));
    }

    @Test
    @DisplayName("USR-04 EMG-03 at the first login the user enrols a second factor, then replaces the initial password; the session can neither sign nor use the emergency button")
    void firstLogin() throws Exception {
        StaffId user = activeUser("初回");
        Issued issued = issue(user, "カードリーダーの故障");

        var login = mvc.perform(formLogin("/login").user(issued.username()).password(issued.password()))
                .andExpect(redirectedUrl("/login/second-factor")).andReturn();
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
        mvc.perform(get("/login/second-factor").session(session))
                .andExpect(content().string(containsString("二要素認証が必須です")));
        mvc.perform(get("/account/password").session(session)).andExpect(redirectedUrl("/login/second-factor"));

        String secret = TestLogins.firstLogin(mvc, issued.username(), issued.password(), NEW_PASSWORD);
        MockHttpSession next = TestLogins.login(mvc, issued.username(), NEW_PASSWORD, secret);
        mvc.perform(get("/console").session(next)).andExpect(redirectedUrl("/staff"));
        mvc.perform(get("/account").session(next)).andExpect(status().isOk())
                .andExpect(content().string(containsString("臨時アカウント（ID・パスワード）")))
                .andExpect(content().string(containsString("緊急時閲覧は使えません")));
        mvc.perform(get("/operator").session(next)).andExpect(status().isForbidden());

        Actor actor = actorOf(next);
        assertThat(actor.authLevel()).isEqualTo(AuthLevel.TEMPORARY_PASSWORD);
        assertThat(actor.staffId()).isEqualTo(user.value());
        assertThat(actor.profession()).isEqualTo(Profession.NURSE);
        assertThat(actor.isStaff()).isTrue();
        assertThat(actor.authLevel().mayUseEmergencyAccess()).isFalse();
        assertThat(actor.authLevel().maySign()).isFalse();
    }

    @Test
    @DisplayName("USR-04 a temporary account is renewed once for another 30 days; a second renewal is refused with a clear message")
    void renewOnce() throws Exception {
        Issued issued = issue(activeUser("延長"), "カードの破損");
        MockHttpSession operator = TestLogins.operator(mvc);
        Instant first = validUntil(issued.id());

        mvc.perform(post("/operator/accounts/{id}/renew", issued.id()).with(csrf()).session(operator))
                .andExpect(redirectedUrl("/operator/accounts/" + issued.id()));
        assertThat(validUntil(issued.id())).isEqualTo(first.plus(Duration.ofDays(30)));
        mvc.perform(get("/operator/accounts/{id}", issued.id()).session(operator))
                .andExpect(content().string(containsString("延長は1回まで")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"renew\""))));

        var refused = mvc.perform(post("/operator/accounts/{id}/renew", issued.id()).with(csrf()).session(operator))
                .andExpect(redirectedUrl("/operator/accounts/" + issued.id())).andReturn();
        assertThat((String) refused.getFlashMap().get("problem")).contains("延長は1回まで");
        assertThat(validUntil(issued.id())).isEqualTo(first.plus(Duration.ofDays(30)));
    }

    @Test
    @DisplayName("USR-04 after its 30 days the temporary account is refused at login and its open session ends")
    void expiry() throws Exception {
        Issued issued = issue(activeUser("期限"), "カードを紛失したため再発行中");
        String secret = TestLogins.firstLogin(mvc, issued.username(), issued.password(), NEW_PASSWORD);
        MockHttpSession session = TestLogins.login(mvc, issued.username(), NEW_PASSWORD, secret);
        mvc.perform(get("/account").session(session)).andExpect(status().isOk());

        jdbc.sql("update login_account set valid_until = :past where id = :id")
                .param("past", Timestamp.from(Instant.now().minusSeconds(1))).param("id", issued.id()).update();

        mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/login?ended"));
        assertThat(session.isInvalid()).isTrue();
        mvc.perform(formLogin("/login").user(issued.username()).password(NEW_PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/operator/accounts/{id}", issued.id()).session(TestLogins.operator(mvc)))
                .andExpect(content().string(containsString("期限切れ")));
    }

    @Test
    @DisplayName("USR-04 only active users get a temporary account; not the operator's staff nor facility administrators")
    void onlyActiveUsers() throws Exception {
        StaffId user = activeUser("停止");
        staff.suspend(user, "カード紛失の届出", OPERATOR);
        mvc.perform(post("/operator/accounts/temporary").param("staff", user.toString()).param("reason", "カード忘れ")
                        .with(csrf()).session(TestLogins.operator(mvc)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("利用中の利用者だけ")));
        mvc.perform(post("/operator/accounts/temporary").param("staff", UUID.randomUUID().toString())
                        .param("reason", "カード忘れ").with(csrf()).session(TestLogins.operator(mvc)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/operator/accounts/temporary").session(TestLogins.operator(mvc)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("利用者の詳細画面から発行")));
    }

    /** A user card certificate, self-signed: enough for the registry of cards, which does not verify it. */
    private static X509Certificate userCard(String name) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair keys = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=" + name + ",O=Renkei test");
        Instant now = Instant.now();
        var holder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), subject,
                keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    @Test
    @DisplayName("USR-04 issuing and renewing a temporary account leaves the user's card as it was: it keeps logging in")
    void cardKeepsWorking() throws Exception {
        StaffId user = activeUser("併用");
        CardCertificate card = cards.register(user.value(), AuthLevel.USER_PKI_CARD, userCard("併用 花子"), "test",
                Instant.now());
        Issued issued = issue(user, "カードリーダーの故障");
        mvc.perform(post("/operator/accounts/{id}/renew", issued.id()).with(csrf())
                .session(TestLogins.operator(mvc))).andExpect(redirectedUrl("/operator/accounts/" + issued.id()));

        assertThat(cards.ofStaff(user.value())).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(card.id());
            assertThat(c.revoked()).isFalse();
        });
        Actor cardActor = new Actor(card.id(), "card", "併用 花子", AuthLevel.USER_PKI_CARD,
                Actor.AccountKind.STAFF, null, user.value(), Profession.NURSE);
        assertThat(new AccountStanding(null, null).refusal(cardActor)).isEmpty();
    }
}
