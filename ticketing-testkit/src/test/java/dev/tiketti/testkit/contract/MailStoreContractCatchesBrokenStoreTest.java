package dev.tiketti.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** The mail store contract fails stores that break its obligations, exactly where they break them. */
@DisplayName("The mail store contract catches broken stores")
class MailStoreContractCatchesBrokenStoreTest {

    private static Events run(Class<?> contractRun) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(contractRun)).execute().testEvents();
    }

    private static List<String> failed(Events events) {
        return events.failed().stream().map(Event::getTestDescriptor).map(d -> d.getDisplayName()).toList();
    }

    @Test
    @DisplayName("a store whose quarantine always says new fails the idempotency, exact-key and race tests only")
    void keyIgnoring() {
        Events events = run(MailBrokenStores.KeyIgnoringRun.class);
        assertThat(failed(events)).containsExactlyInAnyOrder(
                "quarantining a message key again returns false and keeps the first row only",
                "message keys are compared exactly: case and length up to 200 characters count",
                "eight threads quarantining one message key at once: exactly one returns true, one row is kept");
        assertThat(events.succeeded().count()).isEqualTo(16);
    }

    @Test
    @DisplayName("a store whose time bounds are a microsecond off fails the window and purge boundary tests")
    void offByOneBounds() {
        Events events = run(MailBrokenStores.OffByOneBoundsRun.class);
        // the other tests that count from an instant on which a mail was recorded fail as well
        assertThat(failed(events)).contains(
                "automatic mails are counted per address from an instant on, the instant included",
                "purging drops what is strictly before the instant (a row at the instant stays) and reports it")
                .doesNotContain("quarantining a message key again returns false and keeps the first row only");
        assertThat(events.succeeded().count()).as("obligations the broken store still keeps").isPositive();
    }

    @Test
    @DisplayName("a store that names raw digests another message still needs fails the forget test only")
    void digestOverreporting() {
        assertThat(failed(run(MailBrokenStores.DigestOverreportingRun.class))).containsExactly(
                "forgetting addresses removes exactly their quarantine rows, marks and counts, and reports them");
    }
}
