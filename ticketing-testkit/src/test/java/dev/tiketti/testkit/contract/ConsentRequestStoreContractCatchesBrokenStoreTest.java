package dev.tiketti.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** The ConsentRequestStore contract fails a store whose answer is not a compare-and-set. */
@DisplayName("The ConsentRequestStore contract catches a store that lets a token be answered twice")
class ConsentRequestStoreContractCatchesBrokenStoreTest {

    @Test
    @DisplayName("fails the single-use tests and passes the rest")
    void overwritingStore() {
        Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(ConsentRequestBrokenStores.OverwritingStoreRun.class))
                .execute().testEvents();
        List<String> failed = events.failed().stream().map(Event::getTestDescriptor).map(d -> d.getDisplayName())
                .toList();
        assertThat(failed).containsExactlyInAnyOrder(
                "answering a pending request replaces it and returns true; a second answer returns false and changes nothing",
                "answering a request the store does not hold returns false and stores nothing",
                "of eight threads answering one request at once, exactly one succeeds");
        assertThat(events.succeeded().count()).isEqualTo(9);
    }
}
