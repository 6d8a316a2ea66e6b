package org.renkei.filing;

import java.time.Clock;
import java.time.LocalDate;
import org.renkei.filing.FilingEvents.FilingOverdue;
import org.renkei.platform.time.JapanTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily work on applications: accepted ones whose effective date has come take effect, and undecided ones
 * past their deadline are told to their facility. Runs at start-up (catching up after downtime) and every
 * hour; every step is idempotent, so running twice or on several nodes at once changes nothing more.
 */
@Component
public class FilingSchedule {

    private static final Logger log = LoggerFactory.getLogger(FilingSchedule.class);

    private final Filings filings;
    private final FilingDesk desk;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    FilingSchedule(Filings filings, FilingDesk desk, ApplicationEventPublisher events,
            TransactionTemplate transactions, Clock clock) {
        this.filings = filings;
        this.desk = desk;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        runFor(JapanTime.today(clock));
    }

    @Scheduled(cron = "0 5 * * * *", zone = "Asia/Tokyo")
    void hourly() {
        runFor(JapanTime.today(clock));
    }

    /** Does the day's work as of {@code today}; returns how many applications took effect. */
    public int runFor(LocalDate today) {
        int applied = 0;
        for (FilingId id : filings.dueToTakeEffect(today)) {
            if (desk.takeEffectIfDue(id, today)) {
                applied++;
            }
        }
        for (Filing filing : filings.overdueUnnotified(today)) {
            transactions.executeWithoutResult(tx -> {
                if (filings.markOverdueNotified(filing.id(), clock.instant())) {
                    events.publishEvent(new FilingOverdue(filing.id(), filing.kind(), filing.facilityId(),
                            filing.subject(), filing.decideBy()));
                }
            });
        }
        if (applied > 0) {
            log.info("{} accepted application(s) took effect as of {}", applied, today);
        }
        return applied;
    }
}
