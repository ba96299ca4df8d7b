package dev.tiketti.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.Ticketing;
import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.inmemory.RecordingOutboundTransport;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.privacy.ErasureRequest;
import dev.tiketti.core.privacy.ErasureSource;
import dev.tiketti.core.search.SearchQuery;
import dev.tiketti.core.ticket.NewEntry;
import dev.tiketti.core.ticket.OpenTicket;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.workflow.WorkflowDefinition;
import dev.tiketti.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erasure through core with the Lucene index wired: after {@code privacy().erasure().erase(...)}
 * nothing of the person is found by search, nor in any byte of the index directory.
 */
@DisplayName("Erasure through Ticketing leaves nothing of the person in the Lucene index")
class LuceneErasureIT {
    static final Actor DPO = Actor.agent("tietosuoja", "dpo");
    static final Actor AGENT = Actor.agent("maija", "hr");

    @TempDir
    Path dir;

    @Test
    @DisplayName("name, e-mail, phone and HETU are gone from queries and files; the matter stays findable")
    void erase() {
        MutableClock clock = MutableClock.at("2024-12-05T15:55:00+02:00[Europe/Helsinki]");
        try (LuceneSearchIndex index = LuceneSearch.builder().onDisk(dir).clock(clock).commitInterval(Duration.ZERO)
                .build();
             Ticketing ticketing = Ticketing.builder().inMemory().searchIndex(index).clock(clock)
                     .outboundTransport(new RecordingOutboundTransport()).build()) {
            ticketing.definitions().publishWorkflow(WorkflowDefinition.builder("simple")
                    .state("NEW", StateCategory.NEW).state("CLOSED", StateCategory.CLOSED)
                    .transition("close").from("NEW").to("CLOSED").build());
            ticketing.definitions().defineType(new TicketType("general", TeamId.of("hr"), "HR", "General", "simple",
                    List.of()));
            Contact aino = ticketing.privacy().register().save(new Contact(new ContactId(new UUID(0xa1L, 1)),
                    "Aino Virtanen", List.of("aino.virtanen@example.fi"), List.of("+358 40 987 6543"),
                    AssuranceLevel.LOW, true));
            Contact eero = ticketing.privacy().register().save(new Contact(new ContactId(new UUID(0xa1L, 2)),
                    "Eero Laine", List.of("eero.laine@example.com"), List.of(), AssuranceLevel.LOW, true));
            Ticket t = ticketing.tickets().open(OpenTicket.of("general", aino.id(), "Palkka puuttuu", Channel.EMAIL)
                    .body("Hei, olen Aino Virtanen, puh. +358 40 987 6543, henkilötunnus 131052-308T. Palkka puuttuu."));
            ticketing.tickets().addEntry(NewEntry.note(t.id(), AGENT, "Soitin Virtaselle numeroon 040 987 6543."));
            ticketing.tickets().open(OpenTicket.of("general", eero.id(), "Työtodistus", Channel.EMAIL)
                    .body("Tarvitsen työtodistuksen."));
            index.commit();
            assertThat(RawBytes.anyHolds(dir, "virtanen")).as("written before").isTrue();
            assertThat(RawBytes.anyHolds(dir, "131052-308T")).as("written before").isTrue();

            ticketing.privacy().erasure().erase(ErasureRequest.of(aino.id(), DPO, new ErasureSource.Form("f-1"))
                    .withSubstitute(eero.id()));

            assertThat(ticketing.search().find(SearchQuery.text("virtanen OR virtaselle OR 131052 OR 6543")).tickets())
                    .isEmpty();
            assertThat(ticketing.search().find(SearchQuery.builder().requesterEmail("aino.virtanen@example.fi").build())
                    .tickets()).isEmpty();
            assertThat(ticketing.search().find(SearchQuery.text("palkka")).tickets()).extracting(Ticket::id)
                    .containsExactly(t.id());
            assertThat(RawBytes.find(dir, List.of("virtanen", "virtan", "aino.virtanen@example.fi", "131052-308T",
                    "131052", "308t"))).isEmpty();
            assertThat(LuceneForgettingIT.storedTexts(dir)).noneMatch(s -> s.contains("Virtanen") || s.contains("Virtase")
                    || s.contains("987 6543") || s.contains("131052"));
            assertThat(index.deletedDocuments()).isZero();
        }
    }

    @Test
    @DisplayName("reindex() rebuilds a lost Lucene index from the stores, with progress, and health sees it")
    void reindexLostIndex() {
        MutableClock clock = MutableClock.at("2024-12-05T15:55:00+02:00[Europe/Helsinki]");
        try (LuceneSearchIndex index = LuceneSearch.builder().onDisk(dir).clock(clock).commitInterval(Duration.ZERO)
                .build();
             Ticketing ticketing = Ticketing.builder().inMemory().searchIndex(index).clock(clock)
                     .outboundTransport(new RecordingOutboundTransport()).build()) {
            ticketing.definitions().publishWorkflow(WorkflowDefinition.builder("simple")
                    .state("NEW", StateCategory.NEW).state("CLOSED", StateCategory.CLOSED)
                    .transition("close").from("NEW").to("CLOSED").build());
            ticketing.definitions().defineType(new TicketType("general", TeamId.of("hr"), "HR", "General", "simple",
                    List.of()));
            Contact eero = ticketing.privacy().register().save(new Contact(new ContactId(new UUID(0xa1L, 2)),
                    "Eero Laine", List.of("eero.laine@example.com"), List.of(), AssuranceLevel.LOW, true));
            for (int i = 0; i < 7; i++) {
                ticketing.tickets().open(OpenTicket.of("general", eero.id(), "Lomaraha " + i, Channel.EMAIL)
                        .body("Milloin lomaraha maksetaan?"));
            }
            index.clear();
            index.purge();
            assertThat(ticketing.search().find(SearchQuery.text("lomaraha")).total()).isZero();
            List<Integer> progress = new java.util.ArrayList<>();

            int n = ticketing.search().reindex(new dev.tiketti.core.search.ReindexListener() {
                public void progress(dev.tiketti.core.search.ReindexProgress p) {
                    progress.add(p.indexed());
                }

                public int batchSize() {
                    return 3;
                }
            });

            assertThat(n).isEqualTo(7);
            assertThat(progress).containsExactly(3, 6, 7);
            assertThat(ticketing.search().find(SearchQuery.text("lomaraha")).total()).isEqualTo(7);
            assertThat(ticketing.search().health().documents()).isEqualTo(7);
            assertThat(ticketing.search().health().lastCommit()).contains(clock.instant());
            assertThat(index.deletedDocuments()).isZero();
        }
    }
}
