package dev.tiketti.core.timer;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.sla.ClaimedTimer;
import dev.tiketti.core.sla.FiredTimer;
import dev.tiketti.core.sla.TimerKind;
import dev.tiketti.core.spi.TimerStore;
import dev.tiketti.core.spi.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires due timers of a {@link TimerStore} through one {@link TimerHandler} per {@link TimerKind},
 * so that each (timer, due instant) takes effect exactly once even with several nodes polling one
 * store.
 *
 * <p>How exactly-once is reached: a pass ({@link #tick()}) claims due timers under a lease
 * (owner id, expiry on the store's clock), then for each claim runs the handler <em>and</em>
 * {@link TimerStore#complete completes} the claim inside one unit of work of the configured
 * {@link Transactions}. Where the store joins that transaction (a database store), the effect and
 * the completion commit together, and a claim lost to another node rolls the effect back. Where it
 * does not (in memory, or an effect outside the database such as a mail), the exactly-once
 * <em>effect</em> rests on the handler being idempotent per {@code (timer id, due instant)}. A node
 * that dies mid-fire never completes: its lease expires and another node fires the timer; the dead
 * node's late completion is refused by fencing.
 *
 * <p>A failing handler is logged, its claim released, and the timer retried on a later pass after
 * an exponential back-off ({@link Builder#retryBackoff}); it is never dropped.
 *
 * <p>Two ways to drive it: the host calls {@link #tick()} from its own scheduler, or
 * {@link #start()} runs a built-in poller; {@link #close()} stops claiming, lets passes in flight
 * finish their current timer and gives unfired claims back at once. Thread-safe.
 *
 * <pre>{@code
 * TimerService timers = TimerService.builder(store)
 *         .clock(clock)
 *         .handler(TimerKind.of("sla.breach"), timer -> escalate(timer.subject()))
 *         .build();
 * timers.start();          // or: timers.tick() from the host's own scheduler
 * ...
 * timers.close();
 * }</pre>
 *
 * @since 0.1
 */
public final class TimerService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TimerService.class);
    private static final int MAX_OWNER_LENGTH = 100;

    private final TimerStore store;
    private final Clock clock;
    private final Transactions transactions;
    private final String owner;
    private final Duration lease;
    private final Duration pollInterval;
    private final int pollerThreads;
    private final int batchSize;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final PollerBackoff outage;
    private final Duration shutdownTimeout;
    private final Map<TimerKind, TimerHandler> handlers;
    private final Set<TimerKind> kinds;

    private final ReentrantLock lifecycle = new ReentrantLock();
    private final Condition idle = lifecycle.newCondition();
    private final AtomicInteger passesInFlight = new AtomicInteger();
    /** Set while the current thread runs a pass, so close() from a handler does not wait for itself. */
    private final ThreadLocal<Boolean> inPass = new ThreadLocal<>();
    private final List<ScheduledFuture<?>> pollers = new ArrayList<>();
    private volatile boolean closing;
    private boolean started;
    private boolean closed;
    private ScheduledExecutorService ownExecutor;

    private TimerService(Builder b) {
        this.store = b.store;
        this.clock = b.clock;
        this.transactions = b.transactions == null ? Transactions.none() : b.transactions;
        this.owner = b.owner == null ? "timers-" + UUID.randomUUID() : b.owner;
        this.lease = b.lease;
        this.pollInterval = b.pollInterval;
        this.pollerThreads = b.pollerThreads;
        this.batchSize = b.batchSize;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        // an outage backs off like a failing timer, but never past a minute: timers are due meanwhile
        Duration outageMax = maxBackoff.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : maxBackoff;
        this.outage = new PollerBackoff("Timer service '" + owner + "' polling its store", pollInterval, outageMax,
                LOG);
        this.shutdownTimeout = b.shutdownTimeout != null ? b.shutdownTimeout
                : b.lease.compareTo(Duration.ofSeconds(30)) < 0 ? b.lease : Duration.ofSeconds(30);
        this.handlers = Map.copyOf(b.handlers);
        this.kinds = Set.copyOf(b.handlers.keySet());
    }

    /** Starts configuring a service that fires the timers of {@code store}. */
    public static Builder builder(TimerStore store) {
        return new Builder(store);
    }

    /** This node's owner id, recorded on every claim it makes. */
    public String owner() {
        return owner;
    }

    /** The kinds this service has handlers for; it claims no other timers. */
    public Set<TimerKind> kinds() {
        return kinds;
    }

    /**
     * How many passes of the built-in poller failed in a row (0 while they succeed), e.g. while the
     * store is unavailable; a health figure. Meanwhile the poller backs off up to the retry back-off's
     * maximum.
     */
    public int failedPollsInARow() {
        return outage.failures();
    }

    /** Whether the built-in poller runs (started and not closed). */
    public boolean isPolling() {
        lifecycle.lock();
        try {
            return started && !closing;
        } finally {
            lifecycle.unlock();
        }
    }

    /**
     * One pass: claims up to the batch size of due timers (due at or before this service's clock)
     * and fires each. Failed handlers are logged and their timers released for a retry.
     *
     * @return the timers this pass fired, in firing order
     * @throws dev.tiketti.core.common.TicketingException with {@code TIMER_SERVICE_LIFECYCLE} after {@link #close()}
     */
    public List<FiredTimer> tick() {
        if (closing) {
            throw TimerMessages.tickAfterClose(owner);
        }
        return pass().fired();
    }

    /**
     * Starts the built-in poller on its own daemon threads ({@link Builder#pollerThreads}), each
     * running a pass every {@link Builder#pollInterval} and again at once while passes come back full.
     */
    public void start() {
        startOn(null);
    }

    /**
     * Starts the poller on the host's executor, which {@link #close()} leaves running.
     */
    public void start(ScheduledExecutorService executor) {
        Require.nonNull(executor, "executor");
        startOn(executor);
    }

    private void startOn(ScheduledExecutorService hostExecutor) {
        lifecycle.lock();
        try {
            if (closing) {
                throw TimerMessages.startAfterClose(owner);
            }
            if (started) {
                throw TimerMessages.startedTwice(owner);
            }
            ScheduledExecutorService executor = hostExecutor;
            if (executor == null) {
                ownExecutor = Executors.newScheduledThreadPool(pollerThreads, threads());
                executor = ownExecutor;
            }
            long delay = pollInterval.toNanos();
            for (int i = 0; i < pollerThreads; i++) {
                pollers.add(executor.scheduleWithFixedDelay(this::poll, 0, delay, TimeUnit.NANOSECONDS));
            }
            started = true;
            LOG.info("Timer service '{}' polling every {} on {} thread(s) for kinds {}", owner, pollInterval,
                    pollerThreads, kinds);
        } finally {
            lifecycle.unlock();
        }
    }

    /**
     * Stops claiming, waits up to {@link Builder#shutdownTimeout} for passes in flight to finish the
     * timer they are firing, and releases their unfired claims so other nodes take them at once.
     * Stops the poller's own threads (never a host's executor). Idempotent.
     */
    @Override
    public void close() {
        lifecycle.lock();
        try {
            if (closed) {
                return;
            }
            closing = true;
            pollers.forEach(f -> f.cancel(false));
            if (ownExecutor != null) {
                ownExecutor.shutdown();
            }
            int own = inPass.get() != null ? 1 : 0;
            long remaining = shutdownTimeout.toNanos();
            while (passesInFlight.get() > own && remaining > 0) {
                remaining = idle.awaitNanos(remaining);
            }
            if (passesInFlight.get() > own) {
                LOG.warn("Timer service '{}' closed while {} pass(es) still run after {}; their claims expire "
                        + "with the lease ({}) and other nodes fire those timers", owner, passesInFlight.get() - own,
                        shutdownTimeout, lease);
                if (ownExecutor != null) {
                    ownExecutor.shutdownNow();
                }
            }
            closed = true;
            LOG.info("Timer service '{}' closed", owner);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        } finally {
            lifecycle.unlock();
        }
    }

    private void poll() {
        if (!outage.due()) {
            return;
        }
        try {
            Pass pass;
            do {
                pass = pass();
            } while (pass.claimed() == batchSize && !closing);
            outage.succeeded();
        } catch (RuntimeException e) {
            // e.g. the database is down: one WARN when it goes, one INFO when it is back, no storm between
            outage.failed(e);
        }
    }

    private Pass pass() {
        passesInFlight.incrementAndGet();
        inPass.set(Boolean.TRUE);
        try {
            if (closing) {
                return new Pass(List.of(), 0);
            }
            List<ClaimedTimer> claims = store.claimDue(kinds, clock.instant(), owner, lease, batchSize);
            List<FiredTimer> fired = new ArrayList<>(claims.size());
            for (int i = 0; i < claims.size(); i++) {
                if (closing) {
                    giveBack(claims.subList(i, claims.size()));
                    break;
                }
                fire(claims.get(i)).ifPresent(fired::add);
            }
            return new Pass(fired, claims.size());
        } finally {
            inPass.remove();
            if (passesInFlight.decrementAndGet() <= 1 && closing) {
                lifecycle.lock();
                try {
                    idle.signalAll();
                } finally {
                    lifecycle.unlock();
                }
            }
        }
    }

    private Optional<FiredTimer> fire(ClaimedTimer claim) {
        TimerHandler handler = handlers.get(claim.kind());
        try {
            transactions.inTransaction(() -> {
                handler.fire(claim);
                if (!store.complete(claim)) {
                    throw new LostClaim();
                }
                return null;
            });
        } catch (LostClaim lost) {
            LOG.info("Timer {} due {}: the claim of '{}' went stale (lease expired and re-claimed, or re-scheduled "
                    + "or cancelled); its completion was refused and, in a transactional store, its effect rolled back",
                    claim.id(), claim.due(), owner);
            return Optional.empty();
        } catch (Exception | LinkageError | AssertionError e) {
            // Checked exceptions can arrive sneakily; linkage and assertion errors are handler bugs, not a dying VM.
            Duration backoff = backoff(claim.attempt());
            LOG.warn("Timer {} due {} failed on attempt {} in '{}'; released for a retry after {}",
                    claim.id(), claim.due(), claim.attempt(), owner, backoff, e);
            try {
                store.release(claim, backoff);
            } catch (RuntimeException releaseFailed) {
                LOG.warn("Timer {} could not be released by '{}'; it is retried when its lease expires at {}",
                        claim.id(), owner, claim.leaseExpiry(), releaseFailed);
            }
            return Optional.empty();
        }
        Instant firedAt = clock.instant();
        LOG.debug("Timer {} due {} fired by '{}' on attempt {}", claim.id(), claim.due(), owner, claim.attempt());
        return Optional.of(new FiredTimer(claim.id(), claim.due(), owner, claim.attempt(), firedAt));
    }

    private void giveBack(List<ClaimedTimer> unfired) {
        for (ClaimedTimer claim : unfired) {
            try {
                store.release(claim, Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.warn("Timer {} could not be released by closing '{}'; it is retried when its lease expires at {}",
                        claim.id(), owner, claim.leaseExpiry(), e);
            }
        }
    }

    /** {@code initial * 2^(attempt-1)}, capped at the maximum. */
    Duration backoff(int attempt) {
        return PollerBackoff.exponential(initialBackoff, maxBackoff, attempt);
    }

    private ThreadFactory threads() {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "tiketti-timers-" + owner + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private record Pass(List<FiredTimer> fired, int claimed) {
    }

    /** Rolls back the unit of work of a claim that went stale; never leaves this class. */
    private static final class LostClaim extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LostClaim() {
            super("timer claim went stale", null, false, false);
        }
    }

    /**
     * Configures a {@link TimerService}; each option is checked when set and may be set once.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final TimerStore store;
        private final Map<TimerKind, TimerHandler> handlers = new LinkedHashMap<>();
        private final Set<String> set = new java.util.HashSet<>();
        private Clock clock;
        private Transactions transactions;
        private String owner;
        private Duration lease = Duration.ofMinutes(1);
        private Duration pollInterval = Duration.ofSeconds(1);
        private int pollerThreads = 1;
        private int batchSize = 50;
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofMinutes(5);
        private Duration shutdownTimeout;

        private Builder(TimerStore store) {
            if (store == null) {
                throw TimerMessages.nullStore();
            }
            this.store = store;
        }

        /** Where "now" comes from for due checks; defaults to {@link Clock#systemUTC()}. Leases use the store's clock. */
        public Builder clock(Clock value) {
            once("clock");
            clock = nonNull(value, "clock");
            return this;
        }

        /** The unit of work around each handler and its completion; defaults to {@link Transactions#none()}. */
        public Builder transactions(Transactions value) {
            once("transactions");
            transactions = nonNull(value, "transactions");
            return this;
        }

        /** This node's owner id (1-100 characters, no white space); defaults to a random one per service. */
        public Builder owner(String value) {
            once("owner");
            if (value == null || value.isEmpty() || value.length() > MAX_OWNER_LENGTH
                    || value.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
                throw TimerMessages.ownerId(value, MAX_OWNER_LENGTH);
            }
            owner = value;
            return this;
        }

        /** How long a claim excludes other nodes; longer than the slowest handler. Default 1 minute. */
        public Builder lease(Duration value) {
            once("lease");
            lease = positive(value, "lease");
            return this;
        }

        /** Pause of the built-in poller between passes that found less than a full batch. Default 1 second. */
        public Builder pollInterval(Duration value) {
            once("pollInterval");
            pollInterval = positive(value, "pollInterval");
            return this;
        }

        /** Concurrent poller loops of {@link #start()}. Default 1. */
        public Builder pollerThreads(int value) {
            once("pollerThreads");
            pollerThreads = atLeastOne(value, "pollerThreads");
            return this;
        }

        /** Most timers claimed per pass. Default 50. */
        public Builder batchSize(int value) {
            once("batchSize");
            batchSize = atLeastOne(value, "batchSize");
            return this;
        }

        /** Back-off after a failed attempt: {@code initial}, doubling per attempt up to {@code max}. Default 1 s to 5 min. */
        public Builder retryBackoff(Duration initial, Duration max) {
            once("retryBackoff");
            Duration first = positive(initial, "retryBackoff initial");
            Duration most = positive(max, "retryBackoff max");
            if (most.compareTo(first) < 0) {
                throw TimerMessages.backoffMaxShorter(most, first);
            }
            initialBackoff = first;
            maxBackoff = most;
            return this;
        }

        /** How long {@link #close()} waits for passes in flight; at most the lease. Default 30 seconds or the lease if shorter. */
        public Builder shutdownTimeout(Duration value) {
            once("shutdownTimeout");
            shutdownTimeout = positive(value, "shutdownTimeout");
            return this;
        }

        /** Registers the handler of one timer kind; each kind exactly once. */
        public Builder handler(TimerKind kind, TimerHandler handler) {
            if (kind == null) {
                throw TimerMessages.nullKind();
            }
            if (handler == null) {
                throw TimerMessages.nullHandler(kind);
            }
            if (handlers.containsKey(kind)) {
                throw TimerMessages.handlerTwice(kind);
            }
            handlers.put(kind, handler);
            return this;
        }

        /** Validates the whole configuration (reporting every problem) and builds the service. */
        public TimerService build() {
            List<String> problems = new ArrayList<>();
            if (handlers.isEmpty()) {
                problems.add(TimerMessages.noHandlers());
            }
            if (shutdownTimeout != null && shutdownTimeout.compareTo(lease) > 0) {
                problems.add(TimerMessages.shutdownLongerThanLease(shutdownTimeout, lease));
            }
            if (!problems.isEmpty()) {
                throw TimerMessages.configuration(problems);
            }
            if (clock == null) {
                clock = Clock.systemUTC();
            }
            return new TimerService(this);
        }

        private void once(String option) {
            if (!set.add(option)) {
                throw TimerMessages.optionTwice(option);
            }
        }

        private static <T> T nonNull(T value, String option) {
            if (value == null) {
                throw TimerMessages.nullOption(option);
            }
            return value;
        }

        private static Duration positive(Duration value, String option) {
            nonNull(value, option);
            if (value.isZero() || value.isNegative()) {
                throw TimerMessages.notPositive(option, value);
            }
            return value;
        }

        private static int atLeastOne(int value, String option) {
            if (value < 1) {
                throw TimerMessages.belowOne(option, value);
            }
            return value;
        }
    }
}
