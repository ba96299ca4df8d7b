package dev.tiketti.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * The search contract fails an index that forgets only on the surface: it answers queries from
 * every version of a document it ever saw, as a Lucene index would that marks deletes but is
 * searched through a stale reader.
 */
@DisplayName("The SearchIndex contract catches an index that does not forget")
class SearchIndexContractCatchesBrokenIndexTest {

    @Test
    @DisplayName("fails the forgetting tests, passes the indexing ones")
    void rememberingIndex() {
        Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(SearchIndexBrokenIndexes.RememberingIndexRun.class))
                .execute().testEvents();
        List<String> failed = events.failed().stream().map(Event::getTestDescriptor).map(d -> d.getDisplayName())
                .toList();

        assertThat(failed).contains(
                "a removed document is no longer found by its old words or e-mail; removing again returns false",
                "a re-indexed (redacted) document is no longer found by its old words or e-mail",
                "clear() forgets every document");
        assertThat(failed).doesNotContain("an indexed document is returned as it was given");
        assertThat(events.succeeded().count()).isPositive();
    }
}
