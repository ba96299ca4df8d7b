package dev.tiketti.jpa.internal;

import dev.tiketti.core.spi.StoreProblems;
import dev.tiketti.core.sla.ClaimedTimer;
import dev.tiketti.core.sla.ScheduledTimer;
import dev.tiketti.core.sla.TimerId;
import dev.tiketti.core.sla.TimerKind;
import dev.tiketti.core.sla.TimerRequest;
import dev.tiketti.core.sla.TimerState;
import dev.tiketti.core.spi.TimerStore;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hibernate.query.NativeQuery;

/**
 * {@link TimerStore} on Jakarta Persistence. Claims lock the due rows with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} (PostgreSQL and H2), so concurrent claimers on any node
 * take different timers; leases and back-offs are measured on the database clock; fencing tokens
 * come from one database sequence, so they only grow, also across cancel and re-scheduling.
 */
public final class JpaTimerStore implements TimerStore {
    private final EntityManagers ems;
    private final DatabaseKind database = new DatabaseKind();
    /** Added to the database clock; only tests move it, to let leases expire without waiting. */
    private volatile Duration clockShift = Duration.ZERO;

    public JpaTimerStore(EntityManagers ems) {
        this.ems = ems;
    }

    /** For tests: makes the store's (database) clock read {@code by} later from now on. */
    public void shiftClock(Duration by) {
        clockShift = clockShift.plus(by);
    }

    @Override
    public void schedule(TimerRequest request) {
        Args.nonNull(request, "timer request");
        // One statement instead of a locking read and an insert (it runs for every SLA target of
        // every change): insert the timer, or re-arm it when its due instant changed. Re-arming
        // voids any claim (owner and lease go) and keeps the fencing token; an unchanged due writes
        // nothing. Two nodes inserting the same new timer at once: the loser's unique violation is
        // retried, and then finds the row.
        JpaOrganizationStore.retryingFirstInsert(() -> ems.call("scheduling timer " + request.id(), em -> {
            String sql = database.isPostgres(em)
                    ? "INSERT INTO tkt_timer (kind, subject, due_at, due_at_nanos, fired, owner, held_until,"
                            + " fencing_token, attempts) VALUES (:kind, :subject, :dueAt, :dueNanos, FALSE, NULL, NULL, 0, 0)"
                            + " ON CONFLICT (kind, subject) DO UPDATE SET due_at = EXCLUDED.due_at,"
                            + " due_at_nanos = EXCLUDED.due_at_nanos, fired = FALSE, attempts = 0, owner = NULL,"
                            + " held_until = NULL"
                            + " WHERE tkt_timer.due_at <> EXCLUDED.due_at OR tkt_timer.due_at_nanos <> EXCLUDED.due_at_nanos"
                    : "MERGE INTO tkt_timer t USING (VALUES (CAST(:kind AS VARCHAR(200)), CAST(:subject AS VARCHAR(200)),"
                            + " CAST(:dueAt AS TIMESTAMP(6) WITH TIME ZONE), CAST(:dueNanos AS INTEGER)))"
                            + " AS r (kind, subject, due_at, due_at_nanos)"
                            + " ON t.kind = r.kind AND t.subject = r.subject"
                            + " WHEN MATCHED AND (t.due_at <> r.due_at OR t.due_at_nanos <> r.due_at_nanos) THEN UPDATE SET"
                            + " due_at = r.due_at, due_at_nanos = r.due_at_nanos, fired = FALSE, attempts = 0,"
                            + " owner = NULL, held_until = NULL"
                            + " WHEN NOT MATCHED THEN INSERT (kind, subject, due_at, due_at_nanos, fired, owner,"
                            + " held_until, fencing_token, attempts)"
                            + " VALUES (r.kind, r.subject, r.due_at, r.due_at_nanos, FALSE, NULL, NULL, 0, 0)";
            Instant due = request.due();
            em.createNativeQuery(sql).unwrap(NativeQuery.class)
                    .addSynchronizedEntityClass(TimerEntity.class)
                    .setParameter("kind", request.id().kind().name())
                    .setParameter("subject", request.id().subject())
                    .setParameter("dueAt", Instants.micros(due), Instant.class)
                    .setParameter("dueNanos", Instants.nanos(due))
                    .executeUpdate();
            return null;
        }));
    }

    @Override
    public boolean cancel(TimerId id) {
        Args.nonNull(id, "timer id");
        return ems.call("cancelling timer " + id, em -> {
            // One statement that deletes the row and tells whether it was unfired (it runs on every
            // change of a ticket with SLA timers, for each target). Native SQL, because Hibernate does
            // not cache the translation of a JPQL DELETE.
            String sql = database.isPostgres(em)
                    ? "DELETE FROM tkt_timer WHERE kind = :kind AND subject = :subject RETURNING fired"
                    : "SELECT fired FROM OLD TABLE (DELETE FROM tkt_timer WHERE kind = :kind AND subject = :subject)";
            List<?> fired = em.createNativeQuery(sql).unwrap(NativeQuery.class)
                    .addSynchronizedEntityClass(TimerEntity.class)
                    .setParameter("kind", id.kind().name())
                    .setParameter("subject", id.subject())
                    .getResultList();
            return fired.contains(Boolean.FALSE);
        });
    }

    @Override
    public List<ClaimedTimer> claimDue(Collection<TimerKind> kinds, Instant dueAtOrBefore, String owner,
                                       Duration lease, int limit) {
        Args.nonNull(kinds, "kinds");
        kinds.forEach(kind -> Args.nonNull(kind, "timer kind"));
        Args.nonNull(dueAtOrBefore, "due at or before");
        Args.notBlank(owner, "owner");
        Args.nonNull(lease, "lease");
        if (lease.isZero() || lease.isNegative()) {
            throw StoreProblems.timerLease(lease);
        }
        if (limit < 1) {
            throw StoreProblems.timerClaimLimit(limit);
        }
        if (kinds.isEmpty()) {
            return List.of();
        }
        List<String> kindNames = kinds.stream().map(TimerKind::name).distinct().toList();
        return ems.call("claiming due timers", em -> {
            Instant now = now(em);
            Instant expiry = now.plus(lease);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT kind, subject FROM tkt_timer"
                            + " WHERE fired = FALSE AND kind IN (:kinds)"
                            + " AND (due_at < :dueMicros OR (due_at = :dueMicros AND due_at_nanos <= :dueNanos))"
                            + " AND (held_until IS NULL OR held_until <= :now)"
                            + " ORDER BY due_at, due_at_nanos, kind, subject"
                            + " LIMIT " + limit + " FOR UPDATE SKIP LOCKED")
                    .setParameter("kinds", kindNames)
                    .setParameter("dueMicros", Instants.micros(dueAtOrBefore))
                    .setParameter("dueNanos", Instants.nanos(dueAtOrBefore))
                    .setParameter("now", now)
                    .getResultList();
            List<ClaimedTimer> claims = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                TimerEntity e = Rows.find(em, TimerEntity.class, new TimerEntity.Key((String) row[0], (String) row[1]));
                em.refresh(e); // the row is locked by us now; read its current state
                e.owner = owner;
                e.heldUntil = expiry;
                e.fencingToken = nextToken(em);
                e.attempts++;
                claims.add(new ClaimedTimer(idOf(e), dueOf(e), owner, expiry, e.fencingToken, e.attempts));
            }
            em.flush();
            return List.copyOf(claims);
        });
    }

    @Override
    public boolean complete(ClaimedTimer claim) {
        Args.nonNull(claim, "claim");
        return ems.call("completing timer " + claim.id(), em -> em.createQuery("UPDATE TktTimer t"
                        + " SET t.fired = true, t.owner = null, t.heldUntil = null"
                        + " WHERE t.key = :key AND t.fired = false AND t.owner = :owner AND t.fencingToken = :token"
                        + " AND t.dueAt = :dueMicros AND t.dueAtNanos = :dueNanos")
                .setParameter("key", key(claim.id()))
                .setParameter("owner", claim.owner())
                .setParameter("token", claim.fencingToken())
                .setParameter("dueMicros", Instants.micros(claim.due()))
                .setParameter("dueNanos", Instants.nanos(claim.due()))
                .executeUpdate() == 1);
    }

    @Override
    public boolean release(ClaimedTimer claim, Duration retryAfter) {
        Args.nonNull(claim, "claim");
        Args.nonNull(retryAfter, "retry after");
        if (retryAfter.isNegative()) {
            throw StoreProblems.timerRetryBackoff(retryAfter);
        }
        return ems.call("releasing timer " + claim.id(), em -> {
            Instant heldUntil = retryAfter.isZero() ? null : now(em).plus(retryAfter);
            return em.createQuery("UPDATE TktTimer t SET t.owner = null, t.heldUntil = :heldUntil"
                            + " WHERE t.key = :key AND t.fired = false AND t.owner = :owner AND t.fencingToken = :token"
                            + " AND t.dueAt = :dueMicros AND t.dueAtNanos = :dueNanos")
                    .setParameter("heldUntil", heldUntil)
                    .setParameter("key", key(claim.id()))
                    .setParameter("owner", claim.owner())
                    .setParameter("token", claim.fencingToken())
                    .setParameter("dueMicros", Instants.micros(claim.due()))
                    .setParameter("dueNanos", Instants.nanos(claim.due()))
                    .executeUpdate() == 1;
        });
    }

    @Override
    public Optional<ScheduledTimer> find(TimerId id) {
        Args.nonNull(id, "timer id");
        return ems.call("reading timer " + id, em -> {
            TimerEntity e = Rows.find(em, TimerEntity.class, key(id));
            if (e == null) {
                return Optional.empty();
            }
            em.detach(e);
            return Optional.of(snapshot(e, now(em)));
        });
    }

    @Override
    public List<ScheduledTimer> pending(int limit) {
        if (limit < 1) {
            throw StoreProblems.timerListLimit(limit);
        }
        return ems.call("listing pending timers", em -> {
            Instant now = now(em);
            return em.createQuery("SELECT t FROM TktTimer t WHERE t.fired = false"
                            + " ORDER BY t.dueAt, t.dueAtNanos, t.key.kind, t.key.subject", TimerEntity.class)
                    .setMaxResults(limit).getResultStream().map(e -> {
                        em.detach(e);
                        return snapshot(e, now);
                    }).toList();
        });
    }

    // ------------------------------------------------------------ plumbing

    private static ScheduledTimer snapshot(TimerEntity e, Instant now) {
        boolean held = e.heldUntil != null && e.heldUntil.isAfter(now);
        TimerState state = e.fired ? TimerState.FIRED
                : held && e.owner != null ? TimerState.CLAIMED : TimerState.PENDING;
        return new ScheduledTimer(idOf(e), dueOf(e), state,
                state == TimerState.CLAIMED ? Optional.ofNullable(e.owner) : Optional.empty(),
                held && !e.fired ? Optional.ofNullable(e.heldUntil) : Optional.empty(), e.attempts);
    }

    private Instant now(EntityManager em) {
        String sql = database.isPostgres(em) ? "SELECT clock_timestamp()" : "SELECT CURRENT_TIMESTAMP";
        Object value = em.createNativeQuery(sql).getSingleResult();
        Instant db;
        if (value instanceof Instant i) {
            db = i;
        } else if (value instanceof OffsetDateTime o) {
            db = o.toInstant();
        } else if (value instanceof ZonedDateTime z) {
            db = z.toInstant();
        } else if (value instanceof Timestamp t) {
            db = t.toInstant();
        } else {
            throw new IllegalStateException("the database clock returned a " + value.getClass().getName());
        }
        // Microseconds, like every stored timestamp, so a lease expiry reads back as it was handed out.
        return Instants.micros(db.plus(clockShift));
    }

    private long nextToken(EntityManager em) {
        String sql = database.isPostgres(em) ? "SELECT nextval('tkt_timer_token_seq')"
                : "SELECT NEXT VALUE FOR tkt_timer_token_seq";
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    private static TimerEntity.Key key(TimerId id) {
        return new TimerEntity.Key(id.kind().name(), id.subject());
    }

    private static TimerId idOf(TimerEntity e) {
        return new TimerId(new TimerKind(e.key.kind), e.key.subject);
    }

    private static Instant dueOf(TimerEntity e) {
        return Instants.join(e.dueAt, e.dueAtNanos);
    }
}
