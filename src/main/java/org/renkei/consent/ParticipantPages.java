package org.renkei.consent;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import org.renkei.access.DataKind;
import org.renkei.facility.FacilityId;
import org.renkei.identity.Actor;
import org.renkei.platform.web.InvalidInputException;
import org.renkei.platform.web.PageMessages;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff find a participant: by their own facility's patient number, or by name and birth date among the
 * participants who permitted their facility (PAR-05, CON-02). Nothing here tells apart a participant who did not
 * permit the facility from one who does not exist.
 */
@Controller
class ParticipantPages {

    private final ParticipantDirectory directory;
    private final PageMessages messages;

    ParticipantPages(ParticipantDirectory directory, PageMessages messages) {
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping("/participants")
    String find(@RequestParam(required = false) String patientNumber, @RequestParam(required = false) String name,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
            Actor actor, Model model, HttpServletResponse response) {
        model.addAttribute("patientNumber", patientNumber);
        model.addAttribute("name", name);
        model.addAttribute("birthDate", birthDate);
        try {
            if (patientNumber != null && !patientNumber.isBlank()) {
                model.addAttribute("found", directory.byOwnPatientNumber(actor, patientNumber).map(List::of)
                        .orElse(List.of()));
            } else if ((name != null && !name.isBlank()) || birthDate != null) {
                model.addAttribute("found", directory.search(actor, name, birthDate));
            }
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", messages.text(e));
        }
        return "consent/find";
    }

    @GetMapping("/participants/{id}")
    String participant(@PathVariable ParticipantId id, Actor actor, Model model) {
        Participant participant = directory.get(actor, id, DataKind.PARTICIPANT_PROFILE);
        model.addAttribute("participant", participant);
        model.addAttribute("ownNumber", actor.facilityId() == null ? null
                : directory.patientNumberAt(actor, id, new FacilityId(actor.facilityId())).orElse(null));
        return "consent/summary";
    }
}
