package dev.tiketti.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiketti.core.spi.Transactions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("TrackedTransactions")
class TrackedTransactionsTest {
    private final TrackedTransactions tx = new TrackedTransactions(Transactions.none());
    private final List<String> log = new ArrayList<>();

    @Test
    @DisplayName("outside a unit of work, after-commit work runs at once")
    void outside() {
        tx.afterCommit(() -> log.add("delivered"));
        assertThat(log).containsExactly("delivered");
    }

    @Test
    @DisplayName("inside nested units of work, after-commit work waits for the outermost one to return")
    void waitsForOutermost() {
        tx.inTransaction(() -> {
            tx.inTransaction(() -> {
                tx.afterCommit(() -> log.add("delivered"));
                log.add("inner returned");
                return null;
            });
            log.add("outer returned");
            return null;
        });
        assertThat(log).containsExactly("inner returned", "outer returned", "delivered");
    }

    @Test
    @DisplayName("when the outermost unit of work throws, its after-commit work is dropped, and the next one starts clean")
    void droppedOnRollback() {
        assertThatThrownBy(() -> tx.inTransaction(() -> {
            tx.inTransaction(() -> {
                tx.afterCommit(() -> log.add("delivered"));
                return null;
            });
            throw new IllegalStateException("claim lost");
        })).hasMessage("claim lost");
        tx.inTransaction(() -> null);
        tx.afterCommit(() -> log.add("later"));

        assertThat(log).containsExactly("later");
    }
}
