package org.renkei.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.renkei.identity.CardViews.CardRow;
import org.renkei.identity.CardViews.RequestRow;
import org.renkei.identity.StaffDirectory.StaffProfile;
import org.renkei.platform.web.InvalidInputException;
import org.renkei.platform.web.NotFoundException;
import org.renkei.platform.web.PageMessages;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's card pages ({@code /operator/cards}): the queue of card requests, a request with its
 * decisions (issue from the card's signing request, issue a soft token, refuse), a user's cards with
 * revocation, an issued certificate, and the CA's own state.
 */
@Controller
class OperatorCardPages {

    private final CardRequestDesk desk;
    private final NetworkCardAuthority authority;
    private final StaffDirectory directory;
    private final CardHolders holders;
    private final PageMessages messages;
    private final Clock clock;

    OperatorCardPages(CardRequestDesk desk, NetworkCardAuthority authority, StaffDirectory directory,
            CardHolders holders, PageMessages messages, Clock clock) {
        this.desk = desk;
        this.authority = authority;
        this.directory = directory;
        this.holders = holders;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/operator/cards")
    String queue(Model model) {
        X509Certificate ca = authority.caCertificate();
        X509CRL crl = authority.currentCrl();
        model.addAttribute("open", desk.open().stream().map(r -> RequestRow.of(r, directory, holders)).toList());
        model.addAttribute("decided",
                desk.recentlyDecided().stream().map(r -> RequestRow.of(r, directory, holders)).toList());
        model.addAttribute("caSubject", ca.getSubjectX500Principal().getName());
        model.addAttribute("caNotAfter", ca.getNotAfter().toInstant());
        model.addAttribute("caFingerprint", CardCertificates.fingerprintOf(ca));
        model.addAttribute("crlNumber", Pki.crlNumber(crl));
        model.addAttribute("crlThisUpdate", crl.getThisUpdate().toInstant());
        model.addAttribute("crlNextUpdate", crl.getNextUpdate().toInstant());
        model.addAttribute("crlRevoked",
                crl.getRevokedCertificates() == null ? 0 : crl.getRevokedCertificates().size());
        model.addAttribute("crlUrl", authority.crlUrl());
        return "ca/queue";
    }

    @GetMapping("/operator/cards/requests/{id}")
    String request(@PathVariable String id, Model model) {
        return requestPage(model, desk.get(CardViews.id(id)), null);
    }

    /** Issues from a card's signing request, pasted as PEM or uploaded as a file (PEM or DER). */
    @PostMapping("/operator/cards/requests/{id}/csr")
    String issueFromCsr(@PathVariable String id, @RequestParam(required = false) String csr,
            @RequestParam(required = false) MultipartFile csrFile, Actor actor, Model model,
            HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        CardRequest request = desk.get(CardViews.id(id));
        byte[] upload = csrFile != null && !csrFile.isEmpty() ? csrFile.getBytes()
                : csr == null ? new byte[0] : csr.getBytes(StandardCharsets.US_ASCII);
        try {
            CardCertificate card = desk.issueFromCsr(request.id(), upload, actor);
            redirect.addFlashAttribute("done", messages.text("ca.issue.done", card.serialNumber()));
            return "redirect:/operator/cards/certificates/" + card.id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return requestPage(model, desk.get(request.id()), messages.text(e));
        }
    }

    /**
     * Issues a soft token and shows it once: the page carries the PKCS#12 file (as a download link holding the
     * file itself) and its password; neither is stored on the server, and the page must not be cached.
     */
    @PostMapping("/operator/cards/requests/{id}/soft-token")
    String issueSoftToken(@PathVariable String id, Actor actor, Model model, HttpServletResponse response) {
        CardRequest request = desk.get(CardViews.id(id));
        try {
            CardRequestDesk.IssuedSoftToken token = desk.issueSoftToken(request.id(), actor);
            response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
            response.setHeader("Pragma", "no-cache");
            model.addAttribute("card", token.card());
            model.addAttribute("staffName", RequestRow.of(desk.get(request.id()), directory, holders).staffName());
            model.addAttribute("password", new String(token.password()));
            Arrays.fill(token.password(), '\0');
            model.addAttribute("fileName", "renkei-card-" + token.card().serialNumber() + ".p12");
            model.addAttribute("dataUrl",
                    "data:application/x-pkcs12;base64," + Base64.getEncoder().encodeToString(token.pkcs12()));
            return "ca/soft-token";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return requestPage(model, desk.get(request.id()), messages.text(e));
        }
    }

    @PostMapping("/operator/cards/requests/{id}/refuse")
    String refuse(@PathVariable String id, @RequestParam(required = false) String reason, Actor actor, Model model,
            HttpServletResponse response) {
        CardRequest request = desk.get(CardViews.id(id));
        try {
            desk.refuse(request.id(), reason, actor);
            return "redirect:/operator/cards";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return requestPage(model, desk.get(request.id()), messages.text(e));
        }
    }

    @GetMapping("/operator/cards/staff/{staffId}")
    String staffCards(@PathVariable String staffId, Model model) {
        return staffPage(model, CardViews.id(staffId), null);
    }

    @PostMapping("/operator/cards/certificates/{id}/revoke")
    String revoke(@PathVariable String id, @RequestParam(required = false) String reason, Actor actor,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        CardCertificate card = authority.networkCard(CardViews.id(id));
        try {
            if (!authority.revoke(card.id(), revocationReason(reason), CardRequestDesk.who(actor))) {
                throw new InvalidInputException("ca.revoke.already");
            }
            redirect.addFlashAttribute("done", messages.text("ca.revoke.done", card.serialNumber()));
            return "redirect:/operator/cards/staff/" + card.staffId();
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return staffPage(model, card.staffId(), messages.text(e));
        }
    }

    @GetMapping("/operator/cards/certificates/{id}")
    String certificate(@PathVariable String id, Model model) {
        CardCertificate card = authority.networkCard(CardViews.id(id));
        model.addAttribute("row", CardRow.of(card, authority, clock.instant()));
        model.addAttribute("staffName", profile(card.staffId()).displayName());
        model.addAttribute("pem", Pki.pem(Pki.certificate(card.der())));
        return "ca/certificate";
    }

    @GetMapping("/operator/cards/certificates/{id}/download")
    ResponseEntity<byte[]> download(@PathVariable String id) {
        CardCertificate card = authority.networkCard(CardViews.id(id));
        return ResponseEntity.ok().contentType(PublicCaController.PKIX_CERT)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("renkei-card-" + card.serialNumber() + ".cer").build().toString())
                .body(card.der());
    }

    private String requestPage(Model model, CardRequest request, String error) {
        StaffProfile profile = profile(request.staffId());
        Instant now = clock.instant();
        model.addAttribute("row", RequestRow.of(request, directory, holders));
        model.addAttribute("profile", profile);
        model.addAttribute("cards", authority.cardsOf(request.staffId()).stream()
                .map(c -> CardRow.of(c, authority, now)).toList());
        model.addAttribute("revokesAs", request.reason().revokesPreviousAs());
        model.addAttribute("error", error);
        return "ca/request";
    }

    private String staffPage(Model model, UUID staffId, String error) {
        StaffProfile profile = profile(staffId);
        Instant now = clock.instant();
        model.addAttribute("profile", profile);
        model.addAttribute("facilityName", holders.facilityName(profile.facilityId()).orElse(""));
        model.addAttribute("cards", authority.cardsOf(staffId).stream().map(c -> CardRow.of(c, authority, now))
                .toList());
        model.addAttribute("requests", desk.ofStaff(staffId).stream().map(r -> RequestRow.of(r, directory, holders))
                .toList());
        model.addAttribute("revocationReasons", List.of(CardRevocationReason.KEY_COMPROMISE,
                CardRevocationReason.CESSATION_OF_OPERATION, CardRevocationReason.AFFILIATION_CHANGED,
                CardRevocationReason.SUPERSEDED));
        model.addAttribute("error", error);
        return "ca/staff";
    }

    private StaffProfile profile(UUID staffId) {
        return directory.profile(staffId).orElseThrow(() -> new NotFoundException("staff member"));
    }

    private static CardRevocationReason revocationReason(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return CardRevocationReason.valueOf(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
