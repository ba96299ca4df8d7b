package dev.tiketti.core.internal;

import dev.tiketti.core.event.PrivacyEvent;
import dev.tiketti.core.privacy.ErasureItem;
import dev.tiketti.core.privacy.ErasureOutcome;
import dev.tiketti.core.privacy.RetentionSchedule;
import dev.tiketti.core.privacy.RetentionSweepReport;
import dev.tiketti.core.privacy.RetentionSweeps;
import dev.tiketti.core.spi.ConsentRequestStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The {@link RetentionSweeps} area: the {@link RetentionSweeper} and the purge of expired consent requests. Not API. */
public final class RetentionService implements RetentionSweeps {
    private final RetentionSweeper sweeper;
    private final ErasureEngine.Stores stores;
    private final ConsentRequestStore requests;
    private final Clock clock;

    public RetentionService(ErasureEngine.Stores stores, ErasureEngine.CategoryOfState categories,
                            ConsentRequestStore requests, Clock clock) {
        this.sweeper = new RetentionSweeper(stores, clock, categories);
        this.stores = stores;
        this.requests = requests;
        this.clock = clock;
    }

    @Override
    public RetentionSweepReport sweep(List<RetentionSchedule> schedules) {
        RetentionSweepReport report = sweeper.sweep(schedules);
        List<String> anonymised = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        report.items().stream().filter(i -> i.store() == ErasureItem.Store.TICKETS).forEach(i ->
                (i.outcome() instanceof ErasureOutcome.Deleted ? deleted : anonymised).add(i.item()));
        stores.outbox().publish(new PrivacyEvent.RetentionSweepCompleted(report.at(), anonymised, deleted));
        return report;
    }

    @Override
    public int purgeExpiredConsentRequests() {
        return stores.transactions().inTransaction(() -> requests.deleteExpired(clock.instant()));
    }
}
