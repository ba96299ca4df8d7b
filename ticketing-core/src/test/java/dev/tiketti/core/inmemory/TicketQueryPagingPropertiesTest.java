package dev.tiketti.core.inmemory;

import static dev.tiketti.core.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.Classification;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.Priority;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.ticket.CustomFields;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TicketQueryPagingPropertiesTest {
    private static final Instant T0 = Instant.parse("2025-03-03T08:00:00Z");
    private static final List<String> PREFIXES = List.of("HR", "HR2", "HRA", "IT", "LASKU");

    @Test
    void pagingReadsEveryMatchingTicketOnceInKeyOrder() {
        qt(200).forAll(lists().of(integers().between(0, 499)).ofSizeBetween(0, 40)
                                .map(codes -> codes.stream().distinct().toList()),
                        integers().between(1, 12), integers().between(0, 3), integers().between(0, 8))
                .checkAssert(TicketQueryPagingPropertiesTest::pagesReadEveryMatchOnce);
    }

    private static void pagesReadEveryMatchOnce(List<Integer> codes, int pageSize, int sinceSeconds,
                                                int dueBeforeMinutes) {
        InMemoryTicketStore store = new InMemoryTicketStore();
        List<Ticket> all = new ArrayList<>();
        for (int code : codes) {
            Ticket t = ticket(new TicketKey(PREFIXES.get(code % PREFIXES.size()), 1 + code / PREFIXES.size()),
                    T0.plusSeconds(code % 4), code % 3 == 0 ? "hr" : "it")
                    .withSlaDue(code % 5 == 0 ? Optional.empty() : Optional.of(T0.plusSeconds(60L * (code % 7))));
            store.create(t, List.of(), List.of());
            all.add(t);
        }
        TicketQuery queue = TicketQuery.all().team(TeamId.of("hr")).updatedSince(T0.plusSeconds(sinceSeconds));
        if (dueBeforeMinutes > 0) { // 0: without the SLA criterion
            queue = queue.slaDueBefore(T0.plusSeconds(60L * dueBeforeMinutes));
        }
        List<Ticket> expected = all.stream().filter(queue::matches)
                .sorted(Comparator.comparing(Ticket::key, TicketQuery.KEY_ORDER)).toList();

        List<Ticket> read = new ArrayList<>();
        List<Ticket> page = store.query(queue.limit(pageSize));
        while (true) {
            assertThat(page).hasSizeLessThanOrEqualTo(pageSize);
            read.addAll(page);
            if (page.size() < pageSize) {
                break;
            }
            page = store.query(queue.limit(pageSize).after(page.get(page.size() - 1).key()));
        }
        assertThat(read).isEqualTo(expected);
        assertThat(read).allSatisfy(t -> assertThat(t.updatedAt()).isAfterOrEqualTo(T0.plusSeconds(sinceSeconds)));
        if (dueBeforeMinutes > 0) {
            assertThat(read).allSatisfy(t -> assertThat(t.slaDue()).hasValueSatisfying(
                    due -> assertThat(due).isBefore(T0.plusSeconds(60L * dueBeforeMinutes))));
        }
    }

    private static Ticket ticket(TicketKey key, Instant at, String team) {
        return new Ticket(TicketId.random(), key, "annual-leave", "hr-general", 1, "NEW",
                Optional.of(Classification.of("Palvelussuhde")), Priority.NORMAL, ContactId.random(), Optional.empty(),
                Optional.empty(), TeamId.of(team), Channel.EMAIL, "Testi", Optional.empty(), new CustomFields(Map.of()),
                at, at, Optional.empty(), 1);
    }
}
