package dev.tiketti.core.internal;

import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.event.PrivacyEvent;
import dev.tiketti.core.privacy.Erasure;
import dev.tiketti.core.privacy.ErasureId;
import dev.tiketti.core.privacy.ErasureItem;
import dev.tiketti.core.privacy.ErasureOutcome;
import dev.tiketti.core.privacy.ErasurePolicy;
import dev.tiketti.core.privacy.ErasureReport;
import dev.tiketti.core.privacy.ErasureRequest;
import dev.tiketti.core.privacy.ErasureSource;
import dev.tiketti.core.spi.ConsentRequestStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Erasure} area: runs the {@link ErasureEngine}, removes the person's consent requests,
 * publishes {@code ContactErased}, and replays the journal after a restore. Not API.
 */
public final class ErasureService implements Erasure {
    private static final Logger LOG = LoggerFactory.getLogger(ErasureService.class);

    private final ErasureEngine.Stores stores;
    private final ErasureEngine engine;
    private final ErasurePolicy policy;
    private final ConsentRequestStore requests;
    private final Clock clock;

    public ErasureService(ErasureEngine.Stores stores, ErasureEngine.CategoryOfState categories, ErasurePolicy policy,
                          ConsentRequestStore requests, Clock clock) {
        this.stores = stores;
        this.engine = new ErasureEngine(stores, clock, categories);
        this.policy = policy;
        this.requests = requests;
        this.clock = clock;
    }

    @Override
    public ErasureReport erase(ErasureRequest request) {
        return erase(request, policy);
    }

    @Override
    public ErasureReport erase(ErasureRequest request, ErasurePolicy erasurePolicy) {
        Require.nonNull(request, "erasure request");
        Optional<ErasureReport> earlier = stores.journal().find(request.id());
        if (earlier.isEmpty() && request.source() instanceof ErasureSource.FromTicket t
                && stores.tickets().find(t.ticket()).isEmpty()) {
            // checked on the first run only: a DELETE policy may remove that very ticket
            throw TicketProblems.ticketNotFound(t.ticket());
        }
        return run(request, erasurePolicy, earlier);
    }

    private ErasureReport run(ErasureRequest request, ErasurePolicy erasurePolicy, Optional<ErasureReport> earlier) {
        boolean done = earlier.map(r -> r.status() == ErasureReport.Status.COMPLETED).orElse(false);
        ErasureReport report = engine.erase(request, Require.nonNull(erasurePolicy, "erasure policy"));
        // pending and answered requests hold the person's address and wording; they go with the person
        int requestsRemoved = stores.transactions().inTransaction(() -> requests.deleteForContact(request.contact()));
        if (requestsRemoved > 0) {
            LOG.info("Erasure {} removed {} consent request(s) of contact {}", report.id(), requestsRemoved,
                    request.contact());
        }
        if (!done) {
            List<String> changed = new ArrayList<>();
            List<String> deleted = new ArrayList<>();
            for (ErasureItem i : report.items()) {
                if (i.store() == ErasureItem.Store.TICKETS && !(i.outcome() instanceof ErasureOutcome.Retained)) {
                    String key = i.item().contains("/") ? i.item().substring(0, i.item().indexOf('/')) : i.item();
                    List<String> into = i.outcome() instanceof ErasureOutcome.Deleted ? deleted : changed;
                    if (!into.contains(key)) {
                        into.add(key);
                    }
                }
            }
            stores.outbox().publish(new PrivacyEvent.ContactErased(report.id(), request.contact(),
                    request.requestedBy(), clock.instant(), changed, deleted));
        }
        return report;
    }

    @Override
    public Optional<ErasureReport> find(ErasureId id) {
        return stores.journal().find(Require.nonNull(id, "erasure id"));
    }

    @Override
    public List<ErasureReport> all() {
        return stores.journal().all();
    }

    @Override
    public List<ErasureReport> replay() {
        List<ErasureReport> out = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        Map<ContactId, ErasureReport> latest = new LinkedHashMap<>();
        stores.journal().all().forEach(r -> latest.put(r.request().contact(), r)); // once per contact
        for (ErasureReport r : latest.values()) {
            if (stores.contacts().find(r.request().contact()).isEmpty()) {
                LOG.warn("Erasure {} names contact {}, which the restored register does not hold; skipped",
                        r.id(), r.request().contact());
                continue;
            }
            ErasureRequest again = new ErasureRequest(ErasureId.random(), r.request().contact(),
                    r.request().requestedBy(), r.request().source(), r.request().substitute());
            try {
                out.add(run(again, policy, Optional.empty()));
            } catch (TicketingException e) {
                // one contact that cannot be erased again (e.g. its substitute left) must not stop the others
                LOG.warn("Replaying erasure {} of contact {} failed: {}", r.id(), r.request().contact(), e.code().id());
                failed.add(PrivacyProblems.replayFailure(r.id(), e.code()));
            }
        }
        if (!failed.isEmpty()) {
            throw PrivacyProblems.replayIncomplete(failed);
        }
        return out;
    }
}
