package dev.tiketti.core.internal;

import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.spi.ChangeLog;
import dev.tiketti.core.spi.LoggedChange;
import dev.tiketti.core.spi.SearchIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes this node's search index follow the shared {@link ChangeLog}: applies its entries by
 * re-reading each named ticket from the store ({@link SearchSync#refresh}, idempotent), purges the
 * index after erasures, and records in the index how far it got. A node whose index has no
 * position, or whose position lies before what the log still keeps, rebuilds from the store first.
 *
 * <p>Sequence numbers are drawn when a unit of work appends and become visible when it commits, so
 * an entry may appear after one with a higher number, and a rolled-back unit leaves a hole for
 * good. The recorded position therefore only passes a hole once it has been waited for
 * {@code holdHoles}; entries above it are applied meanwhile (again on each pass, which is harmless).
 * After a rebuild, the last {@value #BATCH} entries below the rebuild's start are re-read for the
 * same while, for units that committed just after it began. Not API.
 */
public final class IndexFollower {
    static final int BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(IndexFollower.class);
    private static final Duration TRUNCATE_EVERY = Duration.ofHours(1);

    private final ChangeLog log;
    private final SearchSync search;
    private final Clock clock;
    private final Duration holdHoles;
    private final Duration keep;
    private final BackgroundPasses passes = new BackgroundPasses();
    private long position = -1;
    private Optional<Hole> hole = Optional.empty();
    private Optional<Recheck> recheck = Optional.empty();
    private Instant truncated = Instant.MIN;
    private long applied;

    private record Hole(long from, Instant seen) {
    }

    private record Recheck(long from, long upTo, Instant until) {
    }

    public IndexFollower(ChangeLog log, SearchSync search, Clock clock, Duration holdHoles, Duration keep) {
        this.log = log;
        this.search = search;
        this.clock = clock;
        this.holdHoles = holdHoles;
        this.keep = keep;
    }

    /** Applies what the log holds beyond this node's position; returns how many entries were applied. */
    public synchronized int catchUp() {
        SearchIndex index = search.requireIndex();
        if (position < 0) {
            position = index.followedPosition().orElse(-1);
        }
        OptionalLong oldest = log.oldest();
        if (position < 0 || oldest.isPresent() && position < oldest.getAsLong() - 1) {
            rebuild(index);
        }
        int done = 0;
        Instant now = clock.instant();
        if (recheck.isPresent()) {
            Recheck r = recheck.get();
            done += apply(index, log.after(r.from(), BATCH).stream().filter(c -> c.sequence() <= r.upTo()).toList());
            if (now.isAfter(r.until())) {
                recheck = Optional.empty();
            }
        }
        List<LoggedChange> batch;
        do {
            batch = log.after(position, BATCH);
            done += apply(index, batch);
            if (!advance(batch, now)) {
                break;
            }
        } while (batch.size() == BATCH);
        index.followed(position);
        if (now.isAfter(truncated.plus(TRUNCATE_EVERY))) {
            truncated = now;
            log.truncateBefore(now.minus(keep));
        }
        applied += done;
        return done;
    }

    private void rebuild(SearchIndex index) {
        long head = log.head();
        LOG.info("The search index has no position in the change log, or fell behind what the log keeps: rebuilding"
                + " it from the store (log head {})", head);
        search.rebuild();
        position = head;
        hole = Optional.empty();
        recheck = Optional.of(new Recheck(Math.max(0, head - BATCH), head, clock.instant().plus(holdHoles)));
        index.followed(position);
    }

    private int apply(SearchIndex index, List<LoggedChange> batch) {
        Set<TicketId> changed = new LinkedHashSet<>();
        boolean erased = false;
        for (LoggedChange c : batch) {
            changed.add(c.ticket());
            erased |= c.kind() == LoggedChange.Kind.ERASED;
        }
        for (TicketId id : changed) {
            search.refresh(id);
        }
        if (erased) {
            index.purge(); // forgetting reaches this node's files too, not only its queries
        }
        return batch.size();
    }

    /** Moves the position over the batch as far as no hole younger than {@code holdHoles} stops it. */
    private boolean advance(List<LoggedChange> batch, Instant now) {
        for (LoggedChange c : batch) {
            if (c.sequence() != position + 1) {
                if (hole.isEmpty() || hole.get().from() != position + 1) {
                    hole = Optional.of(new Hole(position + 1, now));
                }
                if (now.isBefore(hole.get().seen().plus(holdHoles))) {
                    return false; // wait: a unit of work holding that number may still commit
                }
                LOG.debug("Change log entries {} to {} never appeared; going on", position + 1, c.sequence() - 1);
                hole = Optional.empty();
            }
            position = c.sequence();
        }
        return true;
    }

    /** The position reached, -1 before the first pass. */
    public synchronized long position() {
        return position;
    }

    /** How many committed entries lie beyond the position (what this node has yet to apply for sure). */
    public synchronized long lag() {
        return Math.max(0, log.head() - Math.max(position, 0));
    }

    /** How long the oldest entry this node has yet to apply has waited; zero when none waits. */
    public synchronized Duration lagTime() {
        List<LoggedChange> next = log.after(Math.max(position, 0), 1);
        return next.isEmpty() ? Duration.ZERO : Duration.between(next.get(0).at(), clock.instant()).abs();
    }

    /** Entries applied since start (re-applications included). */
    public synchronized long applied() {
        return applied;
    }

    /** Follows the log on a daemon thread, every {@code interval}; close the result to stop. */
    public AutoCloseable start(Duration interval) {
        return passes.start("tiketti-index-follower", "Following the change log", interval, LOG, this::catchUp);
    }

    /** Stops every follower thread started here. */
    public void close() {
        passes.close();
    }
}
