package dev.tiketti.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * The contracts are only worth something if they fail broken adapters: each is run here on a
 * store that breaks some obligations, and must fail exactly where it should while still passing
 * the obligations that store keeps.
 */
@DisplayName("The contracts catch broken stores")
class ContractsCatchBrokenStoresTest {

    private static Events run(Class<?> contractRun) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(contractRun)).execute().testEvents();
    }

    private static List<String> failed(Events events) {
        return events.failed().stream().map(Event::getTestDescriptor).map(d -> d.getDisplayName()).toList();
    }

    @Test
    @DisplayName("a ticket store where the last write wins fails the versioning, duplicate, ordering and race tests")
    void overwritingTicketStore() {
        Events events = run(BrokenStores.OverwritingTicketStoreRun.class);
        assertThat(failed(events)).contains(
                "refuses a stale version with ConcurrentUpdateException and changes nothing",
                "refuses a version from the future as well",
                "refuses a second ticket with the same id with code DUPLICATE and keeps the first",
                "refuses a second ticket with the same key with code DUPLICATE and keeps the first",
                "returns every ticket ordered by key prefix, then by number as a number (HR-2 before HR-10)",
                "caps the result at the limit, keeping the first tickets by key",
                "lets exactly one of several racing updates from the same version win; the rest fail, nothing is overwritten");
        assertThat(events.succeeded().count()).as("obligations the broken store still keeps").isPositive();
    }

    @Test
    @DisplayName("a ticket store that forgets the SLA due on update and bounds it inclusively fails the SLA due tests only")
    void slaBlindTicketStore() {
        Events events = run(BrokenStores.SlaBlindTicketStoreRun.class);
        assertThat(failed(events)).containsExactlyInAnyOrder(
                "pages through a filtered queue without gaps or repeats, for every page size", // one queue is SLA due before
                "stores the SLA due instant to the nanosecond; an update sets, moves or clears it",
                "filters by SLA due strictly before an instant, to the nanosecond; overdue included, no due never",
                "SLA due before combines with the other criteria, keyset paging and updates");
    }

    @Test
    @DisplayName("a ticket store whose overlapping units of work draw from unlocked counters fails the new-prefix race only")
    void unlockedCounterTicketStore() {
        Events events = run(BrokenStores.UnlockedCounterTicketStoreRun.class);
        assertThat(failed(events)).containsExactly(
                "gives the first two tickets of a new prefix numbers 1 and 2 when the second unit of work starts while the first is still open");
        assertThat(events.failed().stream().map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().getMessage()))
                .singleElement().asString().contains("The second of two overlapping units of work", "UUSI");
    }

    @Test
    @DisplayName("a definition store that accepts any version fails the versioning tests, not the type tests")
    void forgivingDefinitionStore() {
        Events events = run(BrokenStores.ForgivingDefinitionStoreRun.class);
        assertThat(failed(events)).doesNotContain("are read back equal to what was saved, with every field and constraint",
                "are replaced by a save with the same id, and listed once");
        assertThat(failed(events)).contains(
                "cannot be saved twice: a second version 1 fails with CONCURRENT_UPDATE and the first stays",
                "cannot skip a version or start above 1, and a refused save stores nothing",
                "cannot be saved as a draft (version 0)",
                "lets exactly one of several racing publishers of the same next version win");
    }

    @Test
    @DisplayName("an attachment store with upper-case addresses and shared arrays fails addressing and copying")
    void sloppyAttachmentStore() {
        Events events = run(BrokenStores.SloppyAttachmentStoreRun.class);
        assertThat(failed(events)).contains(
                "returns the lower-case hex SHA-256 of the content as its address",
                "is not affected by changing the array after put, or the array get returned");
        assertThat(failed(events)).doesNotContain("of absent content returns false");
    }

    @Test
    @DisplayName("an outbox store that ignores leases fails the lease, order, attempt and race tests, not the removal tests")
    void leaseIgnoringOutboxStore() {
        Events events = run(OutboxBrokenStores.LeaseIgnoringOutboxStoreRun.class);
        assertThat(failed(events)).contains(
                "an appended entry is pending and leased to its appender: nobody claims it before the lease ends",
                "after the lease, an entry is claimed with every field as appended and its attempt counted",
                "does not hand out a claimed entry again during its lease; after it, with one more attempt",
                "lets eight racing claimers get each of 400 entries exactly once",
                "refuses an entry id twice, also within one call, and keeps nothing of the refused call",
                "hands out the oldest entries first, in append order, at most limit of them");
        assertThat(failed(events)).doesNotContain("an empty list changes nothing");
    }

    @Test
    @DisplayName("an outbox store that drops the per-recipient deliveries fails the delivery, parking and retry tests only")
    void recipientForgettingOutboxStore() {
        Events events = run(OutboxBrokenStores.RecipientForgettingOutboxStoreRun.class);
        assertThat(failed(events)).containsExactlyInAnyOrder(
                "keeps the deliveries of a round, every field as given, and hands them out with the entry",
                "a later round's deliveries replace the earlier ones; they are not merged",
                "a rescheduled entry is not claimed before its back-off has passed, even after its lease; then it is",
                "an entry whose deliveries are dead and none failing is parked: never claimed, not pending, listed and counted",
                "an entry with a dead and a failing delivery is claimed after its back-off, and listed as dead too",
                "are listed oldest entry first, at most limit entries; deadCount counts every dead delivery",
                "retryDead puts them back with 0 failures, error kept, and a parked entry is claimable at once",
                "discardDead gives them up: an entry owing nothing else goes, one still failing stays for the others",
                "removes the given tickets' entries also when parked as dead or backing off, with their deliveries");
        assertThat(failed(events)).as("it still keeps leases and back-offs")
                .doesNotContain("a back-off of zero makes the entry claimable at once, also during the lease it was claimed with");
    }

    @Test
    @DisplayName("an outbox store whose erasure keeps dead entries fails the erasure test for dead entries only")
    void deadKeepingOutboxStore() {
        Events events = run(OutboxBrokenStores.DeadKeepingOutboxStoreRun.class);
        assertThat(failed(events)).containsExactly(
                "removes the given tickets' entries also when parked as dead or backing off, with their deliveries");
        assertThat(events.succeeded().count()).as("obligations the broken store still keeps").isGreaterThan(20);
    }
}
