package dev.tiketti.jpa.internal;

import dev.tiketti.core.spi.StoreProblems;
import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.Classification;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.OrganizationId;
import dev.tiketti.core.common.Priority;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.ticket.TicketQuery;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.spi.StoredTicket;
import dev.tiketti.core.spi.TicketChange;
import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.ticket.EntryKind;
import dev.tiketti.core.ticket.FieldChange;
import dev.tiketti.core.ticket.HistoryAction;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TimelineEntry;
import dev.tiketti.core.ticket.Visibility;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.hibernate.query.NativeQuery;
import org.jspecify.annotations.Nullable;

/**
 * {@link TicketStore} on Jakarta Persistence. Tickets are never left managed in the persistence
 * context: {@link #update} writes with a conditional UPDATE ({@code WHERE version = expected}),
 * so a stale managed copy could otherwise be returned later in the same unit of work.
 */
public final class JpaTicketStore implements TicketStore {
    private final EntityManagers ems;
    private final DatabaseKind database = new DatabaseKind();

    public JpaTicketStore(EntityManagers ems) {
        this.ems = ems;
    }

    @Override
    public void create(Ticket ticket, List<TimelineEntry> timeline, List<HistoryEntry> history) {
        ems.call("creating ticket " + ticket.key(), em -> {
            // No existence reads first: the primary key and the unique key constraint refuse a
            // duplicate at the flush (two statements fewer per opened ticket), and the unit of work
            // rolls back, so nothing of the refused ticket remains.
            TicketEntity e = new TicketEntity();
            e.id = ticket.id().value();
            e.keyPrefix = ticket.key().prefix();
            e.keyNumber = ticket.key().number();
            e.typeId = ticket.typeId();
            e.workflowId = ticket.workflowId();
            e.createdAt = Instants.micros(ticket.createdAt());
            e.createdAtNanos = Instants.nanos(ticket.createdAt());
            copy(ticket, e);
            List<Object> written = new ArrayList<>();
            try {
                em.persist(e);
                written.add(e);
                append(em, ticket, timeline, history, written);
                em.flush();
            } catch (PersistenceException ex) {
                if (Failures.isUniqueViolation(ex)) {
                    throw duplicate(ticket, Failures.scrubbed(ex));
                }
                throw ex;
            }
            written.forEach(em::detach);
            return null;
        });
    }

    @Override
    public void update(TicketChange change) {
        Ticket t = change.ticket();
        ems.call("updating ticket " + t.key(), em -> {
            // One statement both checks and writes the version: it takes the row lock, so two nodes
            // that read the same version cannot both succeed. Native SQL because Hibernate does not
            // cache the translation of a JPQL UPDATE: it would be re-translated on every change. The
            // nullable values are bound with their types (an untyped null is rejected by PostgreSQL).
            int rows = em.createNativeQuery("UPDATE tkt_ticket SET workflow_version = :workflowVersion, state = :state,"
                            + " classification = :classification, priority = :priority,"
                            + " organization_id = :organization, assignee = :assignee, team = :team,"
                            + " channel = :channel, subject = :subject, resolution = :resolution,"
                            + " custom_fields = :fields, updated_at = :updatedAt, updated_at_nanos = :updatedAtNanos,"
                            + " sla_due = :slaDue, sla_due_nanos = :slaDueNanos, version = :version"
                            + " WHERE id = :id AND version = :expected")
                    .unwrap(NativeQuery.class).addSynchronizedEntityClass(TicketEntity.class)
                    .setParameter("workflowVersion", t.workflowVersion())
                    .setParameter("state", t.state())
                    .setParameter("classification", t.classification().map(Classification::path).orElse(null),
                            String.class)
                    .setParameter("priority", t.priority().name())
                    .setParameter("organization", t.organization().map(OrganizationId::value).orElse(null), UUID.class)
                    .setParameter("assignee", t.assignee().map(AgentId::value).orElse(null), String.class)
                    .setParameter("team", t.team().value())
                    .setParameter("channel", t.channel().name())
                    .setParameter("subject", t.subject())
                    .setParameter("resolution", t.resolution().orElse(null), String.class)
                    .setParameter("fields", JsonMapping.writeFields(t.fields()))
                    .setParameter("updatedAt", Instants.micros(t.updatedAt()), Instant.class)
                    .setParameter("updatedAtNanos", Instants.nanos(t.updatedAt()))
                    .setParameter("slaDue", t.slaDue().map(Instants::micros).orElse(null), Instant.class)
                    .setParameter("slaDueNanos", t.slaDue().map(Instants::nanos).orElse(null), Integer.class)
                    .setParameter("version", t.version())
                    .setParameter("id", t.id().value(), UUID.class)
                    .setParameter("expected", change.expectedVersion())
                    .executeUpdate();
            if (rows == 0) {
                List<Long> stored = em.createQuery("SELECT t.version FROM TktTicket t WHERE t.id = :id", Long.class)
                        .setParameter("id", t.id().value()).getResultList();
                if (stored.isEmpty()) {
                    throw StoreProblems.ticketNotFound(t.id());
                }
                throw StoreProblems.ticketChanged(t.key(), stored.get(0), change.expectedVersion());
            }
            List<Object> written = new ArrayList<>();
            append(em, t, change.newEntries(), change.newHistory(), written);
            em.flush();
            written.forEach(em::detach);
            return null;
        });
    }

    /** Persists the entries; {@code written} collects them so they can be detached after the flush. */
    private static void append(EntityManager em, Ticket ticket, List<TimelineEntry> timeline, List<HistoryEntry> history,
                               List<Object> written) {
        int position = 0;
        for (TimelineEntry entry : timeline) {
            TimelineEntryEntity e = new TimelineEntryEntity();
            e.id = entry.id();
            e.ticketId = entry.ticketId().value();
            e.ticketVersion = ticket.version();
            e.position = position++;
            e.kind = entry.kind().name();
            e.authorKind = entry.author().kind().name();
            e.authorId = entry.author().id();
            e.authorRoles = JsonMapping.writeRoles(entry.author().roles());
            e.visibility = entry.visibility().name();
            e.channel = entry.channel().name();
            e.body = entry.body();
            e.attachments = JsonMapping.writeAttachments(entry.attachments());
            e.at = Instants.micros(entry.at());
            e.atNanos = Instants.nanos(entry.at());
            em.persist(e);
            written.add(e);
        }
        for (HistoryEntry entry : history) {
            HistoryEntryEntity e = new HistoryEntryEntity();
            e.key = new HistoryEntryEntity.Key(entry.ticketId().value(), entry.sequence());
            e.at = Instants.micros(entry.at());
            e.atNanos = Instants.nanos(entry.at());
            e.actorKind = entry.actor().kind().name();
            e.actorId = entry.actor().id();
            e.actorRoles = JsonMapping.writeRoles(entry.actor().roles());
            e.action = entry.action().name();
            e.transition = entry.transition().orElse(null);
            em.persist(e);
            written.add(e);
            int i = 0;
            for (FieldChange change : entry.changes()) {
                HistoryChangeEntity c = new HistoryChangeEntity();
                c.key = new HistoryChangeEntity.Key(entry.ticketId().value(), entry.sequence(), i++);
                c.field = change.field();
                c.fromValue = change.from().orElse(null);
                c.toValue = change.to().orElse(null);
                em.persist(c);
                written.add(c);
            }
        }
    }

    @Override
    public Optional<Ticket> find(TicketId id) {
        return ems.call("reading ticket " + id, em -> {
            TicketEntity e = Rows.find(em, TicketEntity.class, id.value());
            if (e == null) {
                return Optional.empty();
            }
            em.detach(e);
            return Optional.of(toTicket(e));
        });
    }

    @Override
    public Optional<Ticket> findByKey(TicketKey key) {
        return ems.call("reading ticket " + key, em -> findEntityByKey(em, key).map(e -> {
            em.detach(e);
            return toTicket(e);
        }));
    }

    private static Optional<TicketEntity> findEntityByKey(EntityManager em, TicketKey key) {
        return em.createQuery("SELECT t FROM TktTicket t WHERE t.keyPrefix = :prefix AND t.keyNumber = :number",
                        TicketEntity.class)
                .setParameter("prefix", key.prefix()).setParameter("number", key.number())
                .getResultStream().findFirst();
    }

    @Override
    public List<TimelineEntry> timeline(TicketId id) {
        return ems.call("reading the timeline of ticket " + id, em -> loadTimeline(em, id));
    }

    private static List<TimelineEntry> loadTimeline(EntityManager em, TicketId id) {
        // Columns, not entities: nothing enters the persistence context, so nothing is snapshotted,
        // dirty-checked or detached (the timeline is read before and after every change with SLAs).
        List<Object[]> rows = em.createQuery("SELECT e.id, e.kind, e.authorKind, e.authorId, e.authorRoles,"
                        + " e.visibility, e.channel, e.body, e.attachments, e.at, e.atNanos"
                        + " FROM TktTimelineEntry e WHERE e.ticketId = :id"
                        + " ORDER BY e.ticketVersion, e.position", Object[].class)
                .setParameter("id", id.value()).getResultList();
        List<TimelineEntry> entries = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            entries.add(new TimelineEntry((UUID) r[0], id, EntryKind.valueOf((String) r[1]),
                    new Actor(Actor.Kind.valueOf((String) r[2]), (String) r[3], JsonMapping.readRoles((String) r[4])),
                    Visibility.valueOf((String) r[5]), Channel.valueOf((String) r[6]), (String) r[7],
                    JsonMapping.readAttachments((String) r[8]), Instants.join((Instant) r[9], (Integer) r[10])));
        }
        return List.copyOf(entries);
    }

    @Override
    public List<HistoryEntry> history(TicketId id) {
        return ems.call("reading the history of ticket " + id, em -> loadHistory(em, id));
    }

    private static List<HistoryEntry> loadHistory(EntityManager em, TicketId id) {
        // One query for the whole history, whatever its length: entries joined with their field
        // changes (an entry without changes comes once, with nulls). Columns, not entities, as in
        // loadTimeline. The facade reads the history on every change for the SLA clocks.
        List<Object[]> rows = em.createQuery("SELECT h.key.sequence, h.at, h.atNanos, h.actorKind, h.actorId,"
                        + " h.actorRoles, h.action, h.transition, c.field, c.fromValue, c.toValue"
                        + " FROM TktHistoryEntry h LEFT JOIN TktHistoryChange c"
                        + " ON c.key.ticketId = h.key.ticketId AND c.key.sequence = h.key.sequence"
                        + " WHERE h.key.ticketId = :id ORDER BY h.key.sequence, c.key.position", Object[].class)
                .setParameter("id", id.value()).getResultList();
        List<HistoryEntry> entries = new ArrayList<>();
        int i = 0;
        while (i < rows.size()) {
            Object[] h = rows.get(i);
            long sequence = (Long) h[0];
            List<FieldChange> changes = new ArrayList<>();
            for (; i < rows.size() && (Long) rows.get(i)[0] == sequence; i++) {
                Object[] c = rows.get(i);
                if (c[8] != null) {
                    changes.add(new FieldChange((String) c[8], Optional.ofNullable((String) c[9]),
                            Optional.ofNullable((String) c[10])));
                }
            }
            entries.add(new HistoryEntry(id, sequence, Instants.join((Instant) h[1], (Integer) h[2]),
                    new Actor(Actor.Kind.valueOf((String) h[3]), (String) h[4], JsonMapping.readRoles((String) h[5])),
                    HistoryAction.valueOf((String) h[6]), Optional.ofNullable((String) h[7]), List.copyOf(changes)));
        }
        return List.copyOf(entries);
    }

    @Override
    public boolean rewrite(TicketId id, UnaryOperator<StoredTicket> rewriter) {
        Args.nonNull(id, "ticket id");
        Args.nonNull(rewriter, "rewriter");
        return ems.call("rewriting ticket " + id, em -> {
            // The row lock keeps updates out until this unit commits (SELECT ... FOR UPDATE).
            TicketEntity row = Rows.findForUpdate(em, TicketEntity.class, id.value());
            if (row == null) {
                return false;
            }
            em.detach(row);
            StoredTicket current = new StoredTicket(toTicket(row), loadTimeline(em, id), loadHistory(em, id));
            StoredTicket result = Args.nonNull(rewriter.apply(current), "rewritten ticket");
            requireSameStructure(current, result);
            if (result.equals(current)) {
                return false;
            }
            Ticket t = result.ticket();
            TicketEntity e = Rows.find(em, TicketEntity.class, id.value());
            e.typeId = t.typeId();
            e.workflowId = t.workflowId();
            e.createdAt = Instants.micros(t.createdAt());
            e.createdAtNanos = Instants.nanos(t.createdAt());
            copy(t, e);
            List<Object> written = new ArrayList<>();
            written.add(e);
            for (TimelineEntry entry : result.timeline()) {
                TimelineEntryEntity te = Rows.find(em, TimelineEntryEntity.class, entry.id());
                te.kind = entry.kind().name();
                te.authorKind = entry.author().kind().name();
                te.authorId = entry.author().id();
                te.authorRoles = JsonMapping.writeRoles(entry.author().roles());
                te.visibility = entry.visibility().name();
                te.channel = entry.channel().name();
                te.body = entry.body();
                te.attachments = JsonMapping.writeAttachments(entry.attachments());
                te.at = Instants.micros(entry.at());
                te.atNanos = Instants.nanos(entry.at());
                written.add(te);
            }
            em.createQuery("DELETE FROM TktHistoryChange c WHERE c.key.ticketId = :id")
                    .setParameter("id", id.value()).executeUpdate();
            for (HistoryEntry entry : result.history()) {
                HistoryEntryEntity he = Rows.find(em, HistoryEntryEntity.class,
                        new HistoryEntryEntity.Key(id.value(), entry.sequence()));
                he.at = Instants.micros(entry.at());
                he.atNanos = Instants.nanos(entry.at());
                he.actorKind = entry.actor().kind().name();
                he.actorId = entry.actor().id();
                he.actorRoles = JsonMapping.writeRoles(entry.actor().roles());
                he.action = entry.action().name();
                he.transition = entry.transition().orElse(null);
                written.add(he);
                int i = 0;
                for (FieldChange change : entry.changes()) {
                    HistoryChangeEntity c = new HistoryChangeEntity();
                    c.key = new HistoryChangeEntity.Key(id.value(), entry.sequence(), i++);
                    c.field = change.field();
                    c.fromValue = change.from().orElse(null);
                    c.toValue = change.to().orElse(null);
                    em.persist(c);
                    written.add(c);
                }
            }
            em.flush();
            written.forEach(em::detach);
            return true;
        });
    }

    private static void requireSameStructure(StoredTicket current, StoredTicket result) {
        Ticket a = current.ticket();
        Ticket b = result.ticket();
        List<String> broken = new ArrayList<>();
        if (!a.id().equals(b.id()) || !a.key().equals(b.key()) || a.version() != b.version()) {
            broken.add(StoreProblems.rewriteChangedIdentity(a.id(), a.key(), a.version()));
        }
        if (!current.timeline().stream().map(TimelineEntry::id).toList()
                .equals(result.timeline().stream().map(TimelineEntry::id).toList())) {
            broken.add(StoreProblems.rewriteChangedTimeline(current.timeline().size()));
        }
        if (!current.history().stream().map(h -> h.ticketId() + "#" + h.sequence()).toList()
                .equals(result.history().stream().map(h -> h.ticketId() + "#" + h.sequence()).toList())) {
            broken.add(StoreProblems.rewriteChangedHistory(current.history().size()));
        }
        if (!broken.isEmpty()) {
            throw StoreProblems.rewriteRefused(a.key(), a.id(), broken);
        }
    }

    @Override
    public boolean delete(TicketId id) {
        Args.nonNull(id, "ticket id");
        return ems.call("deleting ticket " + id, em -> {
            UUID ticket = id.value();
            em.createQuery("DELETE FROM TktHistoryChange c WHERE c.key.ticketId = :id").setParameter("id", ticket)
                    .executeUpdate();
            em.createQuery("DELETE FROM TktHistoryEntry h WHERE h.key.ticketId = :id").setParameter("id", ticket)
                    .executeUpdate();
            em.createQuery("DELETE FROM TktTimelineEntry e WHERE e.ticketId = :id").setParameter("id", ticket)
                    .executeUpdate();
            // The key sequence is left alone: a deleted ticket's number is never handed out again.
            return em.createQuery("DELETE FROM TktTicket t WHERE t.id = :id").setParameter("id", ticket)
                    .executeUpdate() > 0;
        });
    }

    @Override
    public long nextNumber(String prefix) {
        // Validates the prefix the same way keys do, before it reaches the database.
        new TicketKey(prefix, 1);
        for (int attempt = 1; ; attempt++) {
            Optional<Long> next = ems.call("numbering a ticket with prefix " + prefix, em -> {
                // One statement advances the counter under its row lock and returns the new number
                // (instead of a locking read and an update): it runs for every opened ticket.
                String sql = database.isPostgres(em)
                        ? "UPDATE tkt_key_sequence SET last_number = last_number + 1 WHERE prefix = :prefix"
                                + " RETURNING last_number"
                        : "SELECT last_number FROM FINAL TABLE (UPDATE tkt_key_sequence"
                                + " SET last_number = last_number + 1 WHERE prefix = :prefix)";
                List<?> numbers = em.createNativeQuery(sql).unwrap(NativeQuery.class)
                        .addSynchronizedEntityClass(KeySequenceEntity.class)
                        .setParameter("prefix", prefix)
                        .getResultList();
                return numbers.isEmpty() ? Optional.<Long>empty() : Optional.of(((Number) numbers.get(0)).longValue());
            });
            if (next.isPresent()) {
                return next.get();
            }
            if (attempt == 3) {
                throw new IllegalStateException("the key sequence row for prefix " + prefix
                        + " vanished right after it was created");
            }
            // First ticket of this prefix: create the counter row in its own transaction, so a
            // concurrent creator's unique-key violation cannot spoil anyone's unit of work.
            try {
                ems.callSeparately("creating the key sequence of prefix " + prefix, em -> {
                    if (Rows.find(em, KeySequenceEntity.class, prefix) == null) {
                        em.persist(new KeySequenceEntity(prefix, 0));
                        em.flush();
                    }
                    return null;
                });
            } catch (TicketingException e) {
                if (e.code() != ErrorCode.DUPLICATE) {
                    throw e;
                }
                // another caller created it first: fine, lock and advance it
            }
        }
    }

    @Override
    public List<Ticket> query(TicketQuery query) {
        return ems.call("querying tickets", em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<TicketEntity> cq = cb.createQuery(TicketEntity.class);
            Root<TicketEntity> t = cq.from(TicketEntity.class);
            List<Predicate> where = new ArrayList<>();
            query.team().ifPresent(team -> where.add(cb.equal(t.get("team"), team.value())));
            if (!query.states().isEmpty()) {
                where.add(t.get("state").in(query.states()));
            }
            query.assignee().ifPresent(a -> where.add(cb.equal(t.get("assignee"), a.value())));
            if (query.unassignedOnly()) {
                where.add(cb.isNull(t.get("assignee")));
            }
            query.typeId().ifPresent(type -> where.add(cb.equal(t.get("typeId"), type)));
            query.classificationPrefix().ifPresent(c -> where.add(cb.or(
                    cb.equal(t.get("classification"), c.path()),
                    cb.like(t.get("classification"), likeEscaped(c.path()) + "/%", '\\'))));
            query.requester().ifPresent(r -> where.add(cb.equal(t.get("requesterId"), r.value())));
            query.updatedSince().ifPresent(since -> {
                // updatedAt >= since, compared on the stored (microseconds, remaining nanoseconds) pair
                Instant micros = Instants.micros(since);
                where.add(cb.or(cb.greaterThan(t.<Instant>get("updatedAt"), micros),
                        cb.and(cb.equal(t.get("updatedAt"), micros),
                                cb.greaterThanOrEqualTo(t.<Integer>get("updatedAtNanos"), Instants.nanos(since)))));
            });
            query.slaDueBefore().ifPresent(before -> {
                // slaDue < before on the (microseconds, nanoseconds) pair; a null sla_due never matches
                Instant micros = Instants.micros(before);
                where.add(cb.or(cb.lessThan(t.<Instant>get("slaDue"), micros),
                        cb.and(cb.equal(t.get("slaDue"), micros),
                                cb.lessThan(t.<Integer>get("slaDueNanos"), Instants.nanos(before)))));
            });
            query.after().ifPresent(k -> where.add(cb.or(  // keyset paging on the unique (key_prefix, key_number) index
                    cb.greaterThan(t.<String>get("keyPrefix"), k.prefix()),
                    cb.and(cb.equal(t.get("keyPrefix"), k.prefix()),
                            cb.greaterThan(t.<Long>get("keyNumber"), k.number())))));
            cq.select(t).where(where.toArray(Predicate[]::new))
                    .orderBy(cb.asc(t.get("keyPrefix")), cb.asc(t.get("keyNumber")));
            List<TicketEntity> rows = em.createQuery(cq).setMaxResults(query.limit()).getResultList();
            List<Ticket> tickets = new ArrayList<>(rows.size());
            for (TicketEntity e : rows) {
                em.detach(e);
                tickets.add(toTicket(e));
            }
            return List.copyOf(tickets);
        });
    }

    // ------------------------------------------------------------ mapping

    private static void copy(Ticket t, TicketEntity e) {
        e.workflowVersion = t.workflowVersion();
        e.state = t.state();
        e.classification = t.classification().map(Classification::path).orElse(null);
        e.priority = t.priority().name();
        e.requesterId = t.requester().value();
        e.organizationId = t.organization().map(OrganizationId::value).orElse(null);
        e.assignee = t.assignee().map(AgentId::value).orElse(null);
        e.team = t.team().value();
        e.channel = t.channel().name();
        e.subject = t.subject();
        e.resolution = t.resolution().orElse(null);
        e.customFields = JsonMapping.writeFields(t.fields());
        e.updatedAt = Instants.micros(t.updatedAt());
        e.updatedAtNanos = Instants.nanos(t.updatedAt());
        e.slaDue = t.slaDue().map(Instants::micros).orElse(null);
        e.slaDueNanos = t.slaDue().map(Instants::nanos).orElse(null);
        e.version = t.version();
    }

    private static Optional<Instant> slaDue(TicketEntity e) {
        return e.slaDue == null ? Optional.empty()
                : Optional.of(Instants.join(e.slaDue, e.slaDueNanos == null ? 0 : e.slaDueNanos));
    }

    static Ticket toTicket(TicketEntity e) {
        return new Ticket(new TicketId(e.id), new TicketKey(e.keyPrefix, e.keyNumber), e.typeId, e.workflowId,
                e.workflowVersion, e.state, Optional.ofNullable(e.classification).map(Classification::of),
                Priority.valueOf(e.priority), new ContactId(e.requesterId),
                Optional.ofNullable(e.organizationId).map(OrganizationId::new),
                Optional.ofNullable(e.assignee).map(AgentId::new), new TeamId(e.team), Channel.valueOf(e.channel),
                e.subject, Optional.ofNullable(e.resolution), JsonMapping.readFields(e.customFields),
                Instants.join(e.createdAt, e.createdAtNanos), Instants.join(e.updatedAt, e.updatedAtNanos), slaDue(e),
                e.version);
    }

    private static String likeEscaped(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static TicketingException duplicate(Ticket ticket, @Nullable Throwable cause) {
        return StoreProblems.duplicateTicket(ticket.key(), ticket.id(), cause);
    }
}
