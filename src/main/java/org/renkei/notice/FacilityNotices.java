package org.renkei.notice;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.renkei.facility.Facility;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityPerson;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingEvents.FilingDecidedLate;
import org.renkei.filing.FilingEvents.FilingOverdue;
import org.renkei.filing.FilingEvents.FilingRefused;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends and lists a facility's notices. Notices about applications are written in the same transaction as the
 * decision that causes them, so a refusal is never recorded without its notice (FAC-02).
 */
@Service
public class FacilityNotices {

    private final Notices notices;
    private final FacilityRegistry facilities;
    private final MessageSource messages;
    private final Clock clock;

    FacilityNotices(Notices notices, FacilityRegistry facilities, MessageSource messages, Clock clock) {
        this.notices = notices;
        this.facilities = facilities;
        this.messages = messages;
        this.clock = clock;
    }

    /** Sends a notice to the facility's contact persons; the text is in Japanese, the facility's language. */
    @Transactional
    public Notice send(UUID facilityId, String kind, String subject, String body) {
        Facility facility = facilities.get(new FacilityId(facilityId));
        String recipients = facility.contacts().stream().map(FacilityPerson::name).collect(Collectors.joining("、"));
        var notice = new Notice(UUID.randomUUID(), facilityId, kind, subject, body, recipients, clock.instant(),
                null, null);
        notices.insert(notice);
        return notice;
    }

    public List<Notice> of(UUID facilityId) {
        return notices.ofFacility(facilityId);
    }

    @Transactional
    public boolean markRead(UUID noticeId, UUID facilityId, String by) {
        return notices.markRead(noticeId, facilityId, by, clock.instant());
    }

    @EventListener
    void on(FilingRefused refused) {
        send(refused.facilityId(), "FILING_REFUSED",
                text("notice.filingRefused.subject", kind(refused.kind().name()), refused.subject()),
                text("notice.filingRefused.body", kind(refused.kind().name()), refused.subject(),
                        text("filing.reason." + refused.reason().name()), refused.details()));
    }

    @EventListener
    void on(FilingOverdue overdue) {
        send(overdue.facilityId(), "FILING_OVERDUE",
                text("notice.filingOverdue.subject", kind(overdue.kind().name()), overdue.subject()),
                text("notice.filingOverdue.body", kind(overdue.kind().name()), overdue.subject(),
                        overdue.decideBy().toString()));
    }

    @EventListener
    void on(FilingDecidedLate late) {
        send(late.facilityId(), "FILING_DECIDED_LATE",
                text("notice.filingDecidedLate.subject", kind(late.kind().name()), late.subject()),
                text("notice.filingDecidedLate.body", kind(late.kind().name()), late.subject(),
                        late.decideBy().toString(), late.decidedOn().toString()));
    }

    private String kind(String filingKind) {
        return text("filing.kind." + filingKind);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.JAPANESE);
    }
}
