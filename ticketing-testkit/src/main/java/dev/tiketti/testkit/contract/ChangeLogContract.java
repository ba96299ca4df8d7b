package dev.tiketti.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.spi.ChangeLog;
import dev.tiketti.core.spi.LoggedChange;
import dev.tiketti.core.spi.Transactions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The obligations of a {@link ChangeLog}: ordered, unique, increasing sequence numbers across
 * threads; entries written in the change's unit of work; reads in order from a position; retention
 * by age. An adapter proves itself by a subclass returning a new, empty log from
 * {@link #createLog()} and its units of work from {@link #transactions()}; {@link StorageContract}
 * runs it as a group.
 *
 * @since 0.1
 */
@DisplayName("ChangeLog contract")
public abstract class ChangeLogContract {
    private static final Instant T0 = Instant.parse("2026-01-05T06:00:00Z");
    private ChangeLog log;

    /** A new, empty log for each test. */
    protected abstract ChangeLog createLog();

    /** The units of work the log writes in; {@link Transactions#none()} for a log atomic per call. */
    protected Transactions transactions() {
        return Transactions.none();
    }

    @BeforeEach
    void createFreshLog() {
        log = createLog();
    }

    private void append(List<TicketId> tickets, LoggedChange.Kind kind, Instant at) {
        transactions().inTransaction(() -> {
            log.append(tickets, kind, at);
            return null;
        });
    }

    @Test
    @DisplayName("an empty log has no oldest entry and head 0; appended entries come back in order with their kind")
    void appendAndRead() {
        assertThat(log.oldest()).isEmpty();
        assertThat(log.head()).isZero();
        TicketId a = TicketId.random();
        TicketId b = TicketId.random();
        append(List.of(a, b), LoggedChange.Kind.CHANGED, T0);
        append(List.of(a), LoggedChange.Kind.ERASED, T0.plusSeconds(1));

        List<LoggedChange> all = log.after(0, 10);
        assertThat(all).extracting(LoggedChange::ticket).containsExactly(a, b, a);
        assertThat(all).extracting(LoggedChange::kind).containsExactly(LoggedChange.Kind.CHANGED,
                LoggedChange.Kind.CHANGED, LoggedChange.Kind.ERASED);
        assertThat(all.get(2).at()).isEqualTo(T0.plusSeconds(1));
        assertThat(all).extracting(LoggedChange::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(log.head()).isEqualTo(all.get(2).sequence());
        assertThat(log.oldest()).hasValue(all.get(0).sequence());
    }

    @Test
    @DisplayName("after(position) returns only higher numbers, at most limit of them")
    void afterPosition() {
        TicketId t = TicketId.random();
        for (int i = 0; i < 5; i++) {
            append(List.of(t), LoggedChange.Kind.CHANGED, T0);
        }
        List<LoggedChange> all = log.after(0, 100);
        assertThat(all).hasSize(5);
        long second = all.get(1).sequence();

        assertThat(log.after(second, 2)).extracting(LoggedChange::sequence)
                .containsExactly(all.get(2).sequence(), all.get(3).sequence());
        assertThat(log.after(log.head(), 10)).isEmpty();
        assertThatThrownBy(() -> log.after(0, 0)).isInstanceOf(TicketingException.class).hasMessageContaining("limit");
    }

    @Test
    @DisplayName("eight threads appending at once get distinct numbers, and all entries are kept")
    void concurrentAppends() throws Exception {
        List<List<TicketId>> mine = Concurrently.run(8, () -> {
            List<TicketId> ids = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                TicketId t = TicketId.random();
                append(List.of(t), LoggedChange.Kind.CHANGED, T0);
                ids.add(t);
            }
            return ids;
        });
        List<LoggedChange> all = log.after(0, 1000);
        assertThat(all).hasSize(200);
        Set<Long> numbers = new HashSet<>();
        all.forEach(c -> numbers.add(c.sequence()));
        assertThat(numbers).hasSize(200);
        assertThat(all).extracting(LoggedChange::ticket)
                .containsExactlyInAnyOrderElementsOf(mine.stream().flatMap(List::stream).toList());
    }

    @Test
    @DisplayName("entries of a unit of work that rolls back are gone with it (kept only without units of work)")
    void rollsBack() {
        boolean units = transactions() != Transactions.none();
        IllegalStateException failure = new IllegalStateException("the change failed after logging");
        assertThatThrownBy(() -> transactions().inTransaction(() -> {
            log.append(List.of(TicketId.random()), LoggedChange.Kind.CHANGED, T0);
            throw failure;
        })).isSameAs(failure);
        assertThat(log.after(0, 10)).hasSize(units ? 0 : 1);
        append(List.of(TicketId.random()), LoggedChange.Kind.CHANGED, T0);
        assertThat(log.after(0, 10)).hasSize(units ? 1 : 2);
    }

    @Test
    @DisplayName("truncating drops exactly the entries appended before the instant and moves oldest()")
    void truncate() {
        append(List.of(TicketId.random()), LoggedChange.Kind.CHANGED, T0);
        append(List.of(TicketId.random()), LoggedChange.Kind.CHANGED, T0.plusSeconds(59));
        append(List.of(TicketId.random()), LoggedChange.Kind.CHANGED, T0.plusSeconds(60));
        List<LoggedChange> all = log.after(0, 10);

        assertThat(log.truncateBefore(T0.plusSeconds(60))).isEqualTo(2);
        assertThat(log.after(0, 10)).containsExactly(all.get(2));
        assertThat(log.oldest()).hasValue(all.get(2).sequence());
        assertThat(log.head()).isEqualTo(all.get(2).sequence());
    }
}
