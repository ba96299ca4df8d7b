package dev.tiketti.core.spi;

import dev.tiketti.core.sla.ClaimedTimer;
import dev.tiketti.core.sla.ScheduledTimer;
import dev.tiketti.core.sla.TimerId;
import dev.tiketti.core.sla.TimerKind;
import dev.tiketti.core.sla.TimerRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Durable timers (SLA warnings and breaches, reminders) that several nodes poll, each due instant
 * handed to exactly one claimant at a time under a lease.
 *
 * <p>Obligations (checked by {@code TimerStoreContract} in the testkit):
 * <ul>
 * <li><b>One timer per id.</b> {@link #schedule} is idempotent per {@link TimerId}: scheduling an
 *     unknown id creates a pending timer; scheduling a not-yet-fired timer with another due instant
 *     replaces the due instant, resets its attempt count and voids any current claim (the old
 *     claim can no longer complete or release); scheduling it with the same due instant changes
 *     nothing. Scheduling a <em>fired</em> timer with the same due instant changes nothing (it
 *     does not fire twice); with another due instant it re-arms it as pending.</li>
 * <li><b>Claims.</b> {@link #claimDue} returns only timers of the given kinds that have not fired,
 *     whose due instant is at or before {@code dueAtOrBefore}, and that are not held back — neither
 *     by an unexpired lease nor by a retry back-off from {@link #release}. Oldest due first (ties
 *     by kind, then subject), at most {@code limit}. Each returned timer is held for
 *     {@code owner} until {@code now + lease}, where {@code now} is the <b>store's own clock</b>
 *     (in memory: its injected {@link java.time.Clock}; in a database: the database clock, so
 *     nodes with skewed clocks agree). Concurrent callers never receive the same timer while its
 *     lease runs: a database store locks rows and skips locked ones (e.g.
 *     {@code FOR UPDATE SKIP LOCKED}).</li>
 * <li><b>Fencing.</b> Every claim gets a fencing token larger than every earlier token of that
 *     timer, also across {@link #cancel} and re-scheduling, and its attempt number (1 for the first
 *     claim of a due instant). After a lease expires, a timer may be claimed again; from then on
 *     the older claim is stale.</li>
 * <li><b>Completion.</b> {@link #complete} marks the timer fired for the claim's due instant and
 *     returns {@code true} only if the claim is still current: same owner, same due instant, same
 *     fencing token, not fired, not cancelled, not re-scheduled. A claim whose lease has expired
 *     but that nobody has claimed since is still current. A stale claim returns {@code false} and
 *     changes nothing. When the store takes part in {@link Transactions}, completion belongs to the
 *     caller's transaction, so the effect and the completion commit or roll back together.</li>
 * <li><b>Release.</b> {@link #release} gives a current claim back (a handler failed): the timer is
 *     pending again and claimable once {@code retryAfter} has passed on the store's clock; its
 *     attempt count is kept. A stale claim returns {@code false} and changes nothing.</li>
 * <li><b>Bad input</b> (null arguments, a blank owner, a zero or negative lease, a negative
 *     back-off, a limit below 1) throws a {@link dev.tiketti.core.common.TicketingException} whose message
 *     names the parameter (owner, lease, limit, back-off) and changes nothing.</li>
 * <li>Thread-safe and safe to share between nodes; never returns null.</li>
 * </ul>
 *
 * @since 0.1
 */
public interface TimerStore {

    /** Creates or re-schedules the timer {@code request.id()}; see the class obligations. */
    void schedule(TimerRequest request);

    /**
     * Removes the timer, fired or not; a current claim of it becomes stale.
     *
     * @return whether a timer that had not fired yet was removed
     */
    boolean cancel(TimerId id);

    /**
     * Claims up to {@code limit} due timers of the given kinds for {@code owner}, each for
     * {@code lease} measured on the store's clock.
     *
     * @param kinds         the kinds the caller can handle; an empty collection claims nothing
     * @param dueAtOrBefore only timers due at or before this instant (the caller's notion of now)
     * @return the claims, oldest due first; empty if nothing is claimable
     */
    List<ClaimedTimer> claimDue(Collection<TimerKind> kinds, Instant dueAtOrBefore, String owner,
                                Duration lease, int limit);

    /**
     * Marks the claimed due instant fired, if the claim is still current.
     *
     * @return {@code true} if this call fired the timer; {@code false} for a stale claim
     */
    boolean complete(ClaimedTimer claim);

    /**
     * Gives a current claim back so that the timer is retried once {@code retryAfter} has passed
     * on the store's clock ({@link Duration#ZERO}: at once).
     *
     * @return {@code true} if released; {@code false} for a stale claim
     */
    boolean release(ClaimedTimer claim, Duration retryAfter);

    /** The stored timer with this id, fired or not. */
    Optional<ScheduledTimer> find(TimerId id);

    /** Timers not fired yet (pending or claimed), oldest due first (ties by kind, then subject), at most {@code limit}. */
    List<ScheduledTimer> pending(int limit);
}
