package org.renkei.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.x509;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** For page tests of other features: a staff member logs in with a network user card (a real card login). */
public final class TestCardLogins {

    private TestCardLogins() {
    }

    /** The password of the PKCS#12 files of {@link #userCardToken}. */
    public static final String TOKEN_PASSWORD = new String(TestCards.PASSWORD);

    /** Issues a user card for the (active) staff member and registers it: its PKCS#12 file, for a browser. */
    public static byte[] userCardToken(ApplicationContext context, UUID staffId) {
        TestCards.Card card = TestCards.trustedUserCardCa().card().userCard().issue();
        context.getBean(CardCertificates.class).register(staffId, AuthLevel.USER_PKI_CARD, card.certificate(), "test",
                Instant.now());
        return card.pkcs12();
    }

    /** Issues a user card for the (active) staff member, registers it and logs in with it. */
    public static MockHttpSession userCard(MockMvc mvc, ApplicationContext context, UUID staffId) throws Exception {
        TestCards.Card card = TestCards.trustedUserCardCa().card().userCard().issue();
        context.getBean(CardCertificates.class).register(staffId, AuthLevel.USER_PKI_CARD, card.certificate(), "test",
                Instant.now());
        var result = mvc.perform(post("/login/card").with(x509(card.certificate(), card.ca())).with(csrf()))
                .andExpect(redirectedUrl("/console")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
