package dev.tiketti.core.internal;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.privacy.DataCategory;
import dev.tiketti.core.privacy.ErasureAction;
import dev.tiketti.core.privacy.ErasureItem.Store;
import dev.tiketti.core.privacy.ErasureItem;
import dev.tiketti.core.privacy.ErasureOutcome;
import dev.tiketti.core.privacy.Redactor;
import dev.tiketti.core.privacy.RetentionSchedule;
import dev.tiketti.core.privacy.RetentionSweepReport;
import dev.tiketti.core.spi.LoggedChange;
import dev.tiketti.core.spi.StoredTicket;
import dev.tiketti.core.ticket.AttachmentRef;
import dev.tiketti.core.ticket.CustomFields;
import dev.tiketti.core.ticket.FieldChange;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketQuery;
import dev.tiketti.core.ticket.TimelineEntry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Deletes or anonymises closed tickets older than their type's retention period (R8). Every ticket
 * is handled atomically and handling it again changes nothing, so a sweep that stops midway is
 * finished by sweeping again. Not API.
 */
public final class RetentionSweeper {
    private final ErasureEngine.Stores s;
    private final Clock clock;
    private final ErasureEngine.CategoryOfState categories;

    public RetentionSweeper(ErasureEngine.Stores stores, Clock clock, ErasureEngine.CategoryOfState categories) {
        this.s = Require.nonNull(stores, "stores");
        this.clock = Require.nonNull(clock, "clock");
        this.categories = Require.nonNull(categories, "categories");
    }

    /** What one ticket's unit of work did: whether the ticket changed, how many outbox entries went. */
    private record Swept(boolean changed, int discarded) {
    }

    /**
     * Runs {@code change} of one ticket in a unit of work that also discards the ticket's undelivered
     * outbox entries (events, mails) when it changed: delivered later, they would carry the text out.
     */
    private Swept inUnit(Ticket t, BooleanSupplier change) {
        return s.transactions().inTransaction(() -> {
            boolean changed = change.getAsBoolean();
            if (changed) {
                s.outbox().logChanges(List.of(t.id()), LoggedChange.Kind.ERASED);
            }
            return new Swept(changed, changed ? s.outbox().discard(List.of(t.id())) : 0);
        });
    }

    public RetentionSweepReport sweep(List<RetentionSchedule> schedules) {
        List<RetentionSchedule> list = Require.listOf(schedules, "retention schedules");
        Set<String> types = new HashSet<>();
        for (RetentionSchedule r : list) {
            if (!types.add(r.typeId())) {
                throw PrivacyProblems.retentionTwice(r.typeId());
            }
        }
        Instant now = clock.instant();
        List<ErasureItem> items = new ArrayList<>();
        Set<String> candidates = new LinkedHashSet<>();
        for (RetentionSchedule schedule : list) {
            Instant cutoff = ZonedDateTime.ofInstant(now, clock.getZone()).minusMonths(schedule.months()).toInstant();
            for (Ticket t : s.tickets().query(TicketQuery.all().type(schedule.typeId()).limit(Integer.MAX_VALUE))) {
                if (!categories.closed(t) || !t.updatedAt().isBefore(cutoff)) {
                    continue;
                }
                List<TimelineEntry> timeline = s.tickets().timeline(t.id());
                timeline.forEach(e -> e.attachments().forEach(a -> candidates.add(a.sha256())));
                Swept swept;
                if (schedule.action() == ErasureAction.DELETE) {
                    swept = inUnit(t, () -> s.tickets().delete(t.id()));
                    s.search().index().ifPresent(index -> index.remove(t.id()));
                    if (swept.changed()) {
                        items.add(new ErasureItem(Store.TICKETS, t.key().toString(), DataCategory.TICKET_TEXT,
                                new ErasureOutcome.Deleted()));
                    }
                } else {
                    Redactor redactor = redactorFor(t);
                    swept = inUnit(t, () -> s.tickets().rewrite(t.id(), current -> anonymise(current, redactor)));
                    s.search().refresh(t.id());
                    if (swept.changed()) {
                        items.add(new ErasureItem(Store.TICKETS, t.key().toString(), DataCategory.TICKET_TEXT,
                                new ErasureOutcome.Anonymised()));
                    }
                }
                if (swept.discarded() > 0) {
                    items.add(new ErasureItem(Store.OUTBOX, t.key().toString(), DataCategory.TICKET_TEXT,
                            new ErasureOutcome.Deleted()));
                }
            }
        }
        Set<String> referenced = new HashSet<>();
        for (Ticket t : s.tickets().query(TicketQuery.all().limit(Integer.MAX_VALUE))) {
            s.tickets().timeline(t.id()).forEach(e -> e.attachments().forEach(a -> referenced.add(a.sha256())));
        }
        for (String digest : candidates) {
            if (!referenced.contains(digest) && s.attachments().delete(digest)) {
                items.add(new ErasureItem(Store.ATTACHMENTS, digest, DataCategory.ATTACHMENTS,
                        new ErasureOutcome.Deleted()));
            }
        }
        s.search().index().ifPresent(dev.tiketti.core.spi.SearchIndex::purge);
        return new RetentionSweepReport(now, items);
    }

    /** Every pattern detector plus what the register knows of the requester (unless already erased). */
    private Redactor redactorFor(Ticket t) {
        Redactor.Builder b = Redactor.builder();
        Optional<Contact> requester = s.contacts().find(t.requester());
        requester.ifPresent(c -> {
            if (!c.name().equalsIgnoreCase(Redactor.DEFAULT_REPLACEMENT)) {
                b.personName(c.name());
            }
            c.emails().forEach(b::knownTerm);
            c.phones().forEach(b::knownTerm);
        });
        return b.build();
    }

    private StoredTicket anonymise(StoredTicket st, Redactor r) {
        Ticket t = st.ticket();
        Map<String, Object> fields = new LinkedHashMap<>();
        t.fields().values().forEach((k, v) -> fields.put(k, v instanceof String str ? r.redact(str) : v));
        t = t.withSubject(r.redact(t.subject())).withResolution(t.resolution().map(r::redact))
                .withFields(new CustomFields(fields));
        List<TimelineEntry> timeline = new ArrayList<>();
        for (TimelineEntry e : st.timeline()) {
            List<AttachmentRef> refs = new ArrayList<>();
            for (AttachmentRef ref : e.attachments()) {
                if (ErasureEngine.isText(ref.mediaType())) {
                    Optional<byte[]> content = s.attachments().get(ref.sha256());
                    if (content.isPresent()) {
                        String text = new String(content.get(), StandardCharsets.UTF_8);
                        String redacted = r.redact(text);
                        if (redacted.equals(text)) {
                            refs.add(ref);
                        } else {
                            byte[] bytes = redacted.getBytes(StandardCharsets.UTF_8);
                            refs.add(new AttachmentRef(s.attachments().put(bytes), ref.fileName(), ref.mediaType(),
                                    bytes.length));
                        }
                    }
                } // binary content cannot be searched: an anonymised ticket keeps none
            }
            timeline.add(new TimelineEntry(e.id(), e.ticketId(), e.kind(), e.author(), e.visibility(), e.channel(),
                    r.redact(e.body()), refs, e.at()));
        }
        List<HistoryEntry> history = st.history().stream().map(h -> new HistoryEntry(h.ticketId(), h.sequence(),
                h.at(), h.actor(), h.action(), h.transition().map(r::redact), h.changes().stream()
                .map(c -> new FieldChange(c.field(), c.from().map(r::redact), c.to().map(r::redact))).toList()))
                .toList();
        return new StoredTicket(t, timeline, history);
    }
}
