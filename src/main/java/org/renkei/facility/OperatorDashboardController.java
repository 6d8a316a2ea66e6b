package org.renkei.facility;

import java.util.List;
import org.renkei.filing.FilingDesk;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The operator's start page: what waits for a decision, and the region in figures. */
@Controller
class OperatorDashboardController {

    private final FilingDesk filings;
    private final Facilities facilities;

    OperatorDashboardController(FilingDesk filings, Facilities facilities) {
        this.filings = filings;
        this.facilities = facilities;
    }

    @GetMapping("/operator")
    String dashboard(Model model) {
        model.addAttribute("pending", filings.countPending());
        model.addAttribute("overdue", filings.countOverdue());
        model.addAttribute("active", facilities.withStatus(List.of(FacilityStatus.ACTIVE)).size());
        model.addAttribute("applying", facilities.withStatus(List.of(FacilityStatus.APPLYING)).size());
        return "facility/dashboard";
    }
}
