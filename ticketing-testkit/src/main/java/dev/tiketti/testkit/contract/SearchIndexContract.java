package dev.tiketti.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.Classification;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.Priority;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.privacy.Language;
import dev.tiketti.core.search.DateRange;
import dev.tiketti.core.search.DocumentKind;
import dev.tiketti.core.search.SearchDocument;
import dev.tiketti.core.search.SearchFacet;
import dev.tiketti.core.search.SearchQuery;
import dev.tiketti.core.search.SearchSort;
import dev.tiketti.core.search.SearchText;
import dev.tiketti.core.search.TextPart;
import dev.tiketti.core.spi.SearchIndex;
import dev.tiketti.core.spi.SearchResult;
import dev.tiketti.core.ticket.StateCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit for {@link SearchIndex} adapters: extend it and implement
 * {@link #createIndex()}; the obligations written in the SPI's Javadoc are checked against your
 * index, one nested group each: create-or-replace by ticket id and the stored document, finding by
 * address, by (inflected) word, AND/OR/phrases and by classification, filters, visibility of internal
 * texts, snippets and relevance, facets, sorting, keyset paging, forgetting — a removed or
 * re-indexed document is no longer found, quoted, counted or returned by its old content — and health.
 *
 * <pre>{@code
 * class LuceneSearchIndexContractTest extends SearchIndexContract {
 *     protected SearchIndex createIndex() { return LuceneSearch.onDisk(tempDir); }
 * }
 * }</pre>
 *
 * <p>After every test each indexed id must have its document (see {@link #checkInvariantsThenDispose()}).
 * The contract cannot read an adapter's files: that {@link SearchIndex#purge()} leaves no deleted
 * document in storage is for the adapter's own test (e.g. Lucene's {@code numDeletedDocs() == 0}).
 *
 * @since 0.1
 */
@DisplayName("SearchIndex contract")
public abstract class SearchIndexContract {
    private static final Classification LEAVE = Classification.of("Palvelussuhde/Vuosiloma");
    private static final Classification CERTIFICATES = Classification.of("Palvelussuhde/Todistukset");
    private static final Classification PAY = Classification.of("Palkka");

    protected SearchIndex index;

    /** A new, empty index for each test. */
    protected abstract SearchIndex createIndex();

    /** Called after every test with the index {@link #createIndex()} returned; close resources here. */
    protected void disposeIndex(SearchIndex used) {
    }

    @BeforeEach
    void createIndexForTest() {
        index = createIndex();
    }

    /** After every test: each id the index lists has exactly its own document. */
    @AfterEach
    protected final void checkInvariantsThenDispose() {
        try {
            for (TicketId id : index.indexed()) {
                assertThat(index.document(id)).as("document of indexed %s", id)
                        .hasValueSatisfying(d -> assertThat(d.ticketId()).isEqualTo(id));
            }
        } finally {
            disposeIndex(index);
        }
    }

    // ------------------------------------------------------------------ fixtures

    /** Created instant of the fixture documents unless set: 2024-05-01T08:00Z plus the number in hours. */
    protected static final Instant BASE = Instant.parse("2024-05-01T08:00:00Z");

    /**
     * A document for ticket {@code HR-n} with a fixed id per number: the first text is the subject,
     * the others public message bodies; team {@code hr}, state {@code NEW}, unassigned, e-mail channel.
     */
    protected static SearchDocument doc(int number, Optional<Classification> classification, List<String> emails,
                                        String... texts) {
        Doc d = ticket(number).classification(classification).emails(emails);
        for (int i = 0; i < texts.length; i++) {
            if (i == 0) {
                d.subject(texts[0]);
            } else {
                d.message(texts[i]);
            }
        }
        return d.build();
    }

    /** A builder of a fixture document for {@code HR-number}. */
    protected static Doc ticket(int number) {
        return new Doc(number);
    }

    protected static TicketId id(int number) {
        return new TicketId(new UUID(0x5ea4c4L, number));
    }

    /** Builds fixture documents; every option replaces the default. */
    protected static final class Doc {
        private final int number;
        private String prefix = "HR";
        private String type = "question";
        private TeamId team = TeamId.of("hr");
        private String state = "NEW";
        private StateCategory category = StateCategory.NEW;
        private Optional<AgentId> assignee = Optional.empty();
        private Channel channel = Channel.EMAIL;
        private Priority priority = Priority.NORMAL;
        private Instant created;
        private Instant updated;
        private Optional<Instant> slaDue = Optional.empty();
        private Optional<Classification> classification = Optional.empty();
        private List<String> emails = List.of();
        private Optional<Language> language = Optional.of(Language.FI);
        private final List<SearchText> texts = new ArrayList<>();
        private boolean subject;

        private Doc(int number) {
            this.number = number;
            created = BASE.plus(Duration.ofHours(number));
            updated = created;
        }

        public Doc prefix(String value) { prefix = value; return this; }
        public Doc type(String value) { type = value; return this; }
        public Doc team(String value) { team = TeamId.of(value); return this; }
        public Doc state(String name, StateCategory value) { state = name; category = value; return this; }
        public Doc assignee(String agent) { assignee = Optional.of(AgentId.of(agent)); return this; }
        public Doc channel(Channel value) { channel = value; return this; }
        public Doc created(Instant value) { created = value; return this; }
        public Doc updated(Instant value) { updated = value; return this; }
        public Doc slaDue(Instant value) { slaDue = Optional.of(value); return this; }
        public Doc classification(Optional<Classification> value) { classification = value; return this; }
        public Doc classification(String path) { classification = Optional.of(Classification.of(path)); return this; }
        public Doc emails(List<String> value) { emails = value; return this; }
        public Doc emails(String... value) { emails = List.of(value); return this; }
        public Doc language(Optional<Language> value) { language = value; return this; }

        /** The subject (public). */
        public Doc subject(String text) {
            texts.add(0, SearchText.visible(TextPart.SUBJECT, text));
            subject = true;
            return this;
        }

        /** A public message body. */
        public Doc message(String text) { texts.add(SearchText.visible(TextPart.ENTRY, text)); return this; }

        /** An internal note. */
        public Doc note(String text) { texts.add(SearchText.internal(TextPart.ENTRY, text)); return this; }

        /** The resolution (public). */
        public Doc resolution(String text) { texts.add(SearchText.visible(TextPart.RESOLUTION, text)); return this; }

        /** A text custom field (internal). */
        public Doc field(String text) { texts.add(SearchText.internal(TextPart.FIELD, text)); return this; }

        public SearchDocument build() {
            List<SearchText> all = new ArrayList<>(texts);
            if (!subject) {
                all.add(0, SearchText.visible(TextPart.SUBJECT, "Kysymys " + number));
            }
            return new SearchDocument(id(number), new TicketKey(prefix, number), DocumentKind.TICKET, type, team,
                    state, category, assignee, channel, priority, created, updated, slaDue, classification, emails,
                    language, all);
        }
    }

    /** The ids of the first page of hits. */
    protected List<TicketId> find(SearchQuery query) {
        return index.search(query).hits().stream().map(SearchResult.Hit::ticketId).toList();
    }

    private List<TicketId> words(String text) {
        return find(SearchQuery.builder().text(text).sort(SearchSort.asc(SearchSort.Field.KEY)).build());
    }

    private List<TicketId> email(String address) {
        return find(SearchQuery.builder().requesterEmail(address).sort(SearchSort.asc(SearchSort.Field.KEY)).build());
    }

    private static SearchQuery.Builder byKey() {
        return SearchQuery.builder().sort(SearchSort.asc(SearchSort.Field.KEY));
    }

    private void threeTickets() {
        index.index(doc(1, Optional.of(LEAVE), List.of("aino.virtanen@example.fi"),
                "Vuosiloman siirto", "Voinko siirtää lomani elokuulle?"));
        index.index(doc(2, Optional.of(CERTIFICATES), List.of("eero.laine@example.com"),
                "Työtodistus", "Tarvitsen työtodistuksen. Pidin vuosilomaa kesällä."));
        index.index(doc(3, Optional.of(PAY), List.of("aino.virtanen@example.fi", "aino@example.com"),
                "Palkka puuttuu", "Toukokuun palkka ei tullut tilille."));
    }

    // ------------------------------------------------------------------ groups

    @Nested
    @DisplayName("indexing")
    class Indexing {
        @Test
        @DisplayName("an indexed document is returned exactly as it was given")
        void roundTrip() {
            SearchDocument d = ticket(1).classification("Palvelussuhde/Vuosiloma").emails("aino.virtanen@example.fi")
                    .subject("Vuosiloma").message("Hei!").note("Sisäinen huomio").field("Lomake").resolution("Siirretty")
                    .assignee("maija").slaDue(BASE.plusSeconds(7200)).state("OPEN", StateCategory.OPEN)
                    .language(Optional.empty()).build();
            index.index(d);

            assertThat(index.document(id(1))).contains(d);
            assertThat(index.indexed()).containsExactly(id(1));
            assertThat(index.document(id(2))).isEmpty();
        }

        @Test
        @DisplayName("indexing the same ticket again replaces its document; the same document twice changes nothing")
        void replaceAndIdempotent() {
            index.index(doc(1, Optional.empty(), List.of(), "Ensimmäinen"));
            SearchDocument second = doc(1, Optional.of(PAY), List.of("eero.laine@example.com"), "Toinen");
            index.index(second);
            index.index(second);

            assertThat(index.indexed()).containsExactly(id(1));
            assertThat(index.document(id(1))).contains(second);
            assertThat(words("toinen")).containsExactly(id(1));
            assertThat(index.search(SearchQuery.text("toinen")).total()).isEqualTo(1);
        }

        @Test
        @DisplayName("indexing from several threads at once loses no document")
        void concurrent() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int n = 1; n <= 40; n++) {
                    int number = n;
                    done.add(pool.submit(() -> index.index(doc(number, Optional.empty(), List.of(), "Yhteinen sana"))));
                }
                for (Future<?> f : done) {
                    f.get(30, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(index.indexed()).hasSize(40);
            assertThat(find(SearchQuery.builder().text("yhteinen").limit(1000).build())).hasSize(40);
        }
    }

    @Nested
    @DisplayName("finding")
    class Finding {
        @Test
        @DisplayName("by the requester's e-mail address, whole and in any case")
        void byEmail() {
            threeTickets();

            assertThat(email("Aino.Virtanen@EXAMPLE.fi")).containsExactly(id(1), id(3));
            assertThat(email("aino@example.com")).containsExactly(id(3));
            assertThat(email("virtanen@example.fi")).isEmpty();
        }

        @Test
        @DisplayName("by words in any text, any case; a word finds the words it begins (vuosiloma finds vuosiloman)")
        void byWords() {
            threeTickets();

            assertThat(words("vuosiloma")).containsExactly(id(1), id(2));
            assertThat(words("VUOSILOMA")).containsExactly(id(1), id(2));
            assertThat(words("työtodistus")).containsExactly(id(2));
            assertThat(words("palkka tilille")).containsExactly(id(3));
            assertThat(words("palkka vuosiloma")).isEmpty();
            assertThat(words("irtisanominen")).isEmpty();
        }

        @Test
        @DisplayName("free text: AND by default and written, OR, phrases of adjacent words, parentheses")
        void operators() {
            threeTickets();

            assertThat(words("palkka AND tilille")).containsExactly(id(3));
            assertThat(words("palkka OR työtodistus")).containsExactly(id(2), id(3));
            assertThat(words("elokuulle OR (toukokuun tilille)")).containsExactly(id(1), id(3));
            assertThat(words("\"palkka ei tullut\"")).containsExactly(id(3));
            assertThat(words("\"tullut palkka\"")).isEmpty();
            assertThat(words("\"siirtää lomani\" OR irtisanominen")).containsExactly(id(1));
        }

        @Test
        @DisplayName("malformed free text fails with SEARCH_SYNTAX_INVALID and the position, not the text")
        void malformed() {
            assertThatThrownBy(() -> index.search(SearchQuery.text("palkka \"ei tullut")))
                    .isInstanceOfSatisfying(TicketingException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.SEARCH_SYNTAX_INVALID);
                        assertThat(e.getMessage()).contains("position 7").doesNotContain("palkka");
                    });
            assertThatThrownBy(() -> SearchQuery.text("OR palkka")).isInstanceOf(TicketingException.class)
                    .hasMessageContaining("position 0");
            assertThatThrownBy(() -> SearchQuery.text("(palkka")).hasMessageContaining("never closed");
        }

        @Test
        @DisplayName("by classification prefix, alone or with other criteria")
        void byClassification() {
            threeTickets();
            SearchQuery.Builder employment = byKey().classifiedUnder(Classification.of("Palvelussuhde"));

            assertThat(find(employment.build())).containsExactly(id(1), id(2));
            assertThat(find(byKey().classifiedUnder(LEAVE).build())).containsExactly(id(1));
            assertThat(find(employment.text("työtodistus").build())).containsExactly(id(2));
            assertThat(find(byKey().classifiedUnder(PAY).requesterEmail("eero.laine@example.com").build())).isEmpty();
        }

        @Test
        @DisplayName("results sorted by key are ordered by prefix, then number (HR-2 before HR-10), and capped at the limit")
        void orderAndLimit() {
            for (int n : new int[] {10, 2, 33, 1}) {
                index.index(doc(n, Optional.empty(), List.of(), "Sama asia"));
            }

            assertThat(words("asia")).containsExactly(id(1), id(2), id(10), id(33));
            assertThat(find(byKey().text("asia").limit(2).build())).containsExactly(id(1), id(2));
            assertThat(index.search(byKey().text("asia").limit(2).build()).total()).isEqualTo(4);
        }
    }

    @Nested
    @DisplayName("filters")
    class Filters {
        private void mixed() {
            index.index(ticket(1).subject("Loma").team("hr").state("NEW", StateCategory.NEW).type("question")
                    .channel(Channel.EMAIL).build());
            index.index(ticket(2).subject("Loma").team("hr").state("IN_PROGRESS", StateCategory.OPEN).assignee("maija")
                    .type("leave").channel(Channel.PHONE).build());
            index.index(ticket(3).subject("Loma").team("payroll").state("WAITING", StateCategory.WAITING).assignee("matti")
                    .type("leave").channel(Channel.WEB_FORM).build());
            index.index(ticket(4).subject("Loma").team("payroll").state("DONE", StateCategory.CLOSED).assignee("maija")
                    .type("question").channel(Channel.EMAIL).build());
        }

        @Test
        @DisplayName("by team, state, state category, type and channel; several values mean any of them")
        void byFields() {
            mixed();

            assertThat(find(byKey().teams(TeamId.of("payroll")).build())).containsExactly(id(3), id(4));
            assertThat(find(byKey().states("NEW", "DONE").build())).containsExactly(id(1), id(4));
            assertThat(find(byKey().stateCategories(StateCategory.OPEN, StateCategory.WAITING).build()))
                    .containsExactly(id(2), id(3));
            assertThat(find(byKey().types("leave").teams(TeamId.of("hr")).build())).containsExactly(id(2));
            assertThat(find(byKey().channels(Channel.EMAIL).text("loma").build())).containsExactly(id(1), id(4));
            assertThat(find(byKey().teams(TeamId.of("it")).build())).isEmpty();
        }

        @Test
        @DisplayName("by assignee, or unassigned; both at once is refused")
        void byAssignee() {
            mixed();

            assertThat(find(byKey().assignedTo(AgentId.of("maija")).build())).containsExactly(id(2), id(4));
            assertThat(find(byKey().unassigned().build())).containsExactly(id(1));
            assertThatThrownBy(() -> SearchQuery.builder().assignedTo(AgentId.of("maija")).unassigned().build())
                    .isInstanceOfSatisfying(TicketingException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.SEARCH_FILTER_INVALID));
        }

        @Test
        @DisplayName("by created or updated range: from inclusive, until exclusive")
        void byDates() {
            for (int n = 1; n <= 4; n++) {
                index.index(ticket(n).subject("Loma").created(BASE.plus(Duration.ofDays(n)))
                        .updated(BASE.plus(Duration.ofDays(10 - n))).build());
            }

            assertThat(find(byKey().created(DateRange.between(BASE.plus(Duration.ofDays(2)), BASE.plus(Duration.ofDays(4))))
                    .build())).containsExactly(id(2), id(3));
            assertThat(find(byKey().updated(DateRange.since(BASE.plus(Duration.ofDays(8)))).build()))
                    .containsExactly(id(1), id(2));
            assertThat(find(byKey().created(DateRange.before(BASE.plus(Duration.ofDays(2)))).text("loma").build()))
                    .containsExactly(id(1));
        }
    }

    @Nested
    @DisplayName("visibility")
    class Visibility {
        @Test
        @DisplayName("internal notes and fields match for handlers, not for a customer-facing search")
        void internalTexts() {
            index.index(ticket(1).subject("Palkka").note("Esihenkilö hyväksyi poikkeuksen").build());
            index.index(ticket(2).subject("Poikkeus").message("Voiko poikkeuksen saada?").field("Salainen").build());

            assertThat(find(byKey().text("poikkeuksen").build())).containsExactly(id(1), id(2));
            assertThat(find(byKey().text("poikkeuksen").publicTextsOnly().build())).containsExactly(id(2));
            assertThat(find(byKey().text("salainen").publicTextsOnly().build())).isEmpty();
            assertThat(find(byKey().text("salainen").build())).containsExactly(id(2));
        }

        @Test
        @DisplayName("a customer-facing snippet never quotes an internal text")
        void snippets() {
            index.index(ticket(1).subject("Palkka").note("Hyväksyi poikkeuksen sisäisesti")
                    .message("Kysyin poikkeuksen perään").build());

            SearchResult customer = index.search(SearchQuery.builder().text("poikkeuksen").publicTextsOnly().build());
            assertThat(customer.hits()).singleElement().satisfies(h -> assertThat(h.snippet())
                    .hasValueSatisfying(s -> assertThat(s).contains("«poikkeuksen»").contains("Kysyin")
                            .doesNotContain("sisäisesti")));
        }
    }

    @Nested
    @DisplayName("snippets and relevance")
    class Snippets {
        @Test
        @DisplayName("a hit found by text has a snippet with the match marked «…»; without text, no snippet")
        void marked() {
            threeTickets();

            SearchResult r = index.search(SearchQuery.text("tilille"));
            assertThat(r.hits()).singleElement().satisfies(h -> {
                assertThat(h.ticketId()).isEqualTo(id(3));
                assertThat(h.key()).isEqualTo(new TicketKey("HR", 3));
                assertThat(h.snippet()).hasValueSatisfying(s -> assertThat(s).contains("«tilille»"));
            });
            assertThat(index.search(byKey().classifiedUnder(PAY).build()).hits())
                    .allSatisfy(h -> assertThat(h.snippet()).isEmpty());
        }

        @Test
        @DisplayName("guillemets of the text itself are not mistaken for marks")
        void guillemets() {
            index.index(ticket(1).subject("Hän sanoi «kiireellinen» lomasta").build());

            assertThat(index.search(SearchQuery.text("lomasta")).hits().get(0).snippet().orElseThrow())
                    .contains("‹kiireellinen›").contains("«lomasta»");
        }

        @Test
        @DisplayName("by relevance, a ticket matching the word more often ranks first")
        void relevance() {
            index.index(ticket(1).subject("Loma").message("Muuta asiaa").build());
            index.index(ticket(2).subject("Loma loma").message("Loma taas, loma").build());

            SearchResult r = index.search(SearchQuery.text("loma"));
            assertThat(r.hits()).extracting(SearchResult.Hit::ticketId).containsExactly(id(2), id(1));
            assertThat(r.hits().get(0).score()).isGreaterThan(r.hits().get(1).score());
        }
    }

    @Nested
    @DisplayName("facets")
    class Facets {
        @Test
        @DisplayName("count state, category, team, assignee (unassigned too) and classification with its parents, over all hits")
        void counts() {
            index.index(ticket(1).subject("Loma").classification("Palvelussuhde/Vuosiloma").assignee("maija").build());
            index.index(ticket(2).subject("Loma").classification("Palvelussuhde/Todistukset")
                    .state("IN_PROGRESS", StateCategory.OPEN).build());
            index.index(ticket(3).subject("Loma").classification("Palkka").team("payroll").assignee("maija").build());
            index.index(ticket(4).subject("Muu").classification("Palkka").build());

            SearchResult r = index.search(SearchQuery.builder().text("loma").limit(1).facets(SearchFacet.values()).build());

            assertThat(r.hits()).hasSize(1);
            assertThat(r.total()).isEqualTo(3);
            assertThat(r.facets().get(SearchFacet.STATE)).containsExactly(entry("NEW", 2L), entry("IN_PROGRESS", 1L));
            assertThat(r.facets().get(SearchFacet.STATE_CATEGORY)).containsExactly(entry("NEW", 2L), entry("OPEN", 1L));
            assertThat(r.facets().get(SearchFacet.TEAM)).containsExactly(entry("hr", 2L), entry("payroll", 1L));
            assertThat(r.facets().get(SearchFacet.ASSIGNEE))
                    .containsExactly(entry("maija", 2L), entry(SearchFacet.UNASSIGNED, 1L));
            assertThat(r.facets().get(SearchFacet.CLASSIFICATION)).containsExactly(entry("Palvelussuhde", 2L),
                    entry("Palkka", 1L), entry("Palvelussuhde/Todistukset", 1L), entry("Palvelussuhde/Vuosiloma", 1L));
        }

        @Test
        @DisplayName("no facet asked, none counted")
        void none() {
            threeTickets();

            assertThat(index.search(SearchQuery.text("palkka")).facets()).isEmpty();
            assertThat(index.search(SearchQuery.builder().text("palkka").facets(SearchFacet.TEAM).build()).facets())
                    .containsOnlyKeys(SearchFacet.TEAM);
        }
    }

    @Nested
    @DisplayName("sorting")
    class Sorting {
        private void dated() {
            index.index(ticket(1).subject("Loma").created(BASE.plusSeconds(300)).updated(BASE.plusSeconds(900))
                    .slaDue(BASE.plusSeconds(5000)).build());
            index.index(ticket(2).subject("Loma").created(BASE.plusSeconds(100)).updated(BASE.plusSeconds(950)).build());
            index.index(ticket(3).subject("Loma").created(BASE.plusSeconds(200)).updated(BASE.plusSeconds(800))
                    .slaDue(BASE.plusSeconds(4000)).build());
            index.index(ticket(4).prefix("AB").subject("Loma").created(BASE.plusSeconds(200)).updated(BASE.plusSeconds(800))
                    .build());
        }

        private List<TicketId> sorted(SearchSort sort) {
            return find(SearchQuery.builder().text("loma").sort(sort).build());
        }

        @Test
        @DisplayName("by key, created, updated and SLA due, both ways; ties by key ascending; no SLA due sorts as due last")
        void eachWay() {
            dated();

            assertThat(sorted(SearchSort.asc(SearchSort.Field.KEY))).containsExactly(id(4), id(1), id(2), id(3));
            assertThat(sorted(SearchSort.desc(SearchSort.Field.KEY))).containsExactly(id(3), id(2), id(1), id(4));
            assertThat(sorted(SearchSort.asc(SearchSort.Field.CREATED))).containsExactly(id(2), id(4), id(3), id(1));
            assertThat(sorted(SearchSort.desc(SearchSort.Field.CREATED))).containsExactly(id(1), id(4), id(3), id(2));
            assertThat(sorted(SearchSort.asc(SearchSort.Field.UPDATED))).containsExactly(id(4), id(3), id(1), id(2));
            assertThat(sorted(SearchSort.asc(SearchSort.Field.SLA_DUE))).containsExactly(id(3), id(1), id(4), id(2));
            assertThat(sorted(SearchSort.desc(SearchSort.Field.SLA_DUE))).containsExactly(id(4), id(2), id(1), id(3));
        }
    }

    @Nested
    @DisplayName("paging")
    class Paging {
        private List<TicketId> allPages(SearchQuery first, List<String> cursors) {
            List<TicketId> seen = new ArrayList<>();
            SearchQuery q = first;
            for (int guard = 0; guard < 100; guard++) {
                SearchResult r = index.search(q);
                r.hits().forEach(h -> seen.add(h.ticketId()));
                if (r.next().isEmpty()) {
                    return seen;
                }
                cursors.add(r.next().get());
                q = q.after(r.next().get());
            }
            throw new AssertionError("more than 100 pages");
        }

        @Test
        @DisplayName("pages by cursor cover every hit once, in order; the last page has no next cursor")
        void covers() {
            for (int n = 1; n <= 7; n++) {
                index.index(ticket(n).subject("Loma").created(BASE.plusSeconds(n % 3)).build());
            }
            for (SearchSort sort : List.of(SearchSort.asc(SearchSort.Field.KEY), SearchSort.desc(SearchSort.Field.CREATED),
                    SearchSort.RELEVANCE, SearchSort.asc(SearchSort.Field.SLA_DUE))) {
                List<TicketId> everything = find(SearchQuery.builder().text("loma").sort(sort).build());
                List<String> cursors = new ArrayList<>();
                List<TicketId> paged = allPages(SearchQuery.builder().text("loma").sort(sort).limit(3).build(), cursors);

                assertThat(paged).as("pages sorted by %s", sort).containsExactlyElementsOf(everything).hasSize(7);
                assertThat(cursors).hasSize(2);
            }
        }

        @Test
        @DisplayName("a ticket indexed between pages neither repeats nor drops a hit of a key- or date-sorted search")
        void stableUnderInserts() {
            for (int n = 2; n <= 10; n += 2) {
                index.index(ticket(n).subject("Loma").build());
            }
            SearchQuery first = byKey().text("loma").limit(2).build();
            SearchResult page1 = index.search(first);
            index.index(ticket(1).subject("Loma").build()); // sorts before the cursor
            index.index(ticket(5).subject("Loma").build()); // sorts after it
            SearchResult page2 = index.search(first.after(page1.next().orElseThrow()));

            assertThat(page1.hits()).extracting(SearchResult.Hit::ticketId).containsExactly(id(2), id(4));
            assertThat(page2.hits()).extracting(SearchResult.Hit::ticketId).containsExactly(id(5), id(6));
        }

        @Test
        @DisplayName("a malformed cursor, or one of another sort, fails with SEARCH_CURSOR_INVALID")
        void badCursor() {
            for (int n = 1; n <= 3; n++) {
                index.index(ticket(n).subject("Loma").build());
            }
            String next = index.search(byKey().text("loma").limit(1).build()).next().orElseThrow();

            assertThatThrownBy(() -> index.search(byKey().text("loma").after("not-a-cursor").build()))
                    .isInstanceOfSatisfying(TicketingException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.SEARCH_CURSOR_INVALID));
            assertThatThrownBy(() -> index.search(SearchQuery.builder().text("loma")
                    .sort(SearchSort.desc(SearchSort.Field.CREATED)).after(next).build()))
                    .isInstanceOfSatisfying(TicketingException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.SEARCH_CURSOR_INVALID));
        }
    }

    @Nested
    @DisplayName("forgetting (R8)")
    class Forgetting {
        @Test
        @DisplayName("a removed document is no longer found by its old words or e-mail; removing again returns false")
        void removed() {
            threeTickets();

            assertThat(index.remove(id(1))).isTrue();
            assertThat(index.remove(id(1))).isFalse();

            assertThat(index.document(id(1))).isEmpty();
            assertThat(index.indexed()).containsExactlyInAnyOrder(id(2), id(3));
            assertThat(words("elokuulle")).isEmpty();
            assertThat(email("aino.virtanen@example.fi")).containsExactly(id(3));
            index.purge();
            assertThat(words("elokuulle")).isEmpty();
        }

        @Test
        @DisplayName("a re-indexed (redacted) document is no longer found by its old words or e-mail")
        void reindexed() {
            threeTickets();

            index.index(doc(3, Optional.of(PAY), List.of(), "Palkka puuttuu", "Xxxxxx kysyi palkasta."));
            index.purge();

            assertThat(email("aino@example.com")).isEmpty();
            assertThat(email("aino.virtanen@example.fi")).containsExactly(id(1));
            assertThat(words("toukokuun")).isEmpty();
            assertThat(words("tilille")).isEmpty();
            assertThat(words("palkasta")).containsExactly(id(3));
            assertThat(index.document(id(3)).orElseThrow().texts()).noneMatch(t -> t.text().contains("Toukokuun"));
        }

        @Test
        @DisplayName("after redaction and purge, no snippet, facet or stored document holds the old content")
        void everywhere() {
            index.index(ticket(1).subject("Aino Virtasen palkka").classification("Palkka").assignee("maija")
                    .emails("aino.virtanen@example.fi").note("Aino soitti 040 123 4567").build());
            index.index(ticket(1).subject("Xxxx Xxxxxxxx palkka").classification("Palkka").assignee("maija")
                    .note("Xxxx soitti [puhelin]").build());
            index.purge();

            SearchResult r = index.search(SearchQuery.builder().text("palkka OR soitti").facets(SearchFacet.values()).build());
            assertThat(r.hits()).singleElement().satisfies(h -> assertThat(h.snippet().orElse(""))
                    .doesNotContain("Aino", "Virtasen", "4567"));
            assertThat(r.facets().values()).allSatisfy(counts -> assertThat(counts.keySet())
                    .noneMatch(v -> v.contains("Aino")));
            assertThat(words("aino OR virtasen OR 4567")).isEmpty();
            assertThat(index.document(id(1)).orElseThrow().toString()).doesNotContain("Aino", "aino.virtanen", "4567");
        }

        @Test
        @DisplayName("clear() forgets every document")
        void clear() {
            threeTickets();

            index.clear();
            index.purge();

            assertThat(index.indexed()).isEmpty();
            assertThat(words("palkka")).isEmpty();
            assertThat(email("aino.virtanen@example.fi")).isEmpty();
        }
    }

    @Nested
    @DisplayName("health")
    class Health {
        @Test
        @DisplayName("counts the documents a search sees")
        void documents() {
            threeTickets();
            index.remove(id(2));

            assertThat(index.health().documents()).isEqualTo(2);
            assertThat(index.health().lag()).isEmpty();
        }
    }
}
