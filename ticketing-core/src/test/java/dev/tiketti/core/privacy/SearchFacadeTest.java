package dev.tiketti.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tiketti.core.Ticketing;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.Classification;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.inmemory.InMemorySearchIndex;
import dev.tiketti.core.search.FoundTickets;
import dev.tiketti.core.search.ReindexListener;
import dev.tiketti.core.search.ReindexProgress;
import dev.tiketti.core.search.SearchDocument;
import dev.tiketti.core.search.SearchFacet;
import dev.tiketti.core.search.SearchQuery;
import dev.tiketti.core.search.SearchSort;
import dev.tiketti.core.search.SearchText;
import dev.tiketti.core.search.TextPart;
import dev.tiketti.core.ticket.Visibility;
import dev.tiketti.core.ticket.NewEntry;
import dev.tiketti.core.ticket.OpenTicket;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketUpdate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Ticketing.search (R3) and how the facade keeps the search index current and forgetful (R8). */
class SearchFacadeTest {
    final PrivacyWorld w = new PrivacyWorld();
    final Contact aino = w.contact(1, "Aino Virtanen", "aino.virtanen@example.fi", "+358 40 123 4567");
    final Contact eero = w.contact(2, "Eero Laine", "eero.laine@example.com", "");

    Ticket open(Contact requester, String subject, String body, String classification) {
        return w.ticketing.tickets().open(OpenTicket.of("general", requester.id(), subject, Channel.EMAIL).body(body)
                .classification(classification));
    }

    List<String> keys(SearchQuery query) {
        return w.ticketing.search().find(query).tickets().stream().map(t -> t.key().toString()).toList();
    }

    static SearchQuery email(String address) {
        return SearchQuery.builder().requesterEmail(address).build();
    }

    @Nested
    @DisplayName("finding tickets")
    class Finding {
        @Test
        @DisplayName("by the requester's e-mail address, in any case, ordered by key")
        void byEmail() {
            open(aino, "Vuosiloma", "Hei, kysyisin vuosilomasta.", "Palvelussuhde/Vuosiloma");
            open(eero, "Palkka", "Palkka puuttuu.", "Palkka");
            open(aino, "Työtodistus", "Tarvitsen työtodistuksen.", "Palvelussuhde/Todistukset");

            assertThat(keys(email("AINO.Virtanen@example.fi"))).containsExactly("HR-1", "HR-3");
            assertThat(keys(email("eero.laine@example.com"))).containsExactly("HR-2");
            assertThat(keys(email("nobody@example.fi"))).isEmpty();
        }

        @Test
        @DisplayName("by an inflected Finnish word in the subject or a body: vuosiloma, vuosiloman, vuosilomaa")
        void byInflectedWord() {
            open(aino, "Vuosiloman siirto", "Voinko siirtää lomaa?", "Palvelussuhde/Vuosiloma");
            open(eero, "Kysymys", "Haluaisin pitää vuosilomaa heinäkuussa.", "Palvelussuhde/Vuosiloma");
            open(eero, "Palkka", "Palkka puuttuu.", "Palkka");

            assertThat(keys(SearchQuery.text("vuosiloma"))).containsExactly("HR-1", "HR-2");
            assertThat(keys(SearchQuery.text("vuosiloman"))).containsExactly("HR-1", "HR-2");
            assertThat(keys(SearchQuery.text("VUOSILOMAA"))).containsExactly("HR-1", "HR-2");
            assertThat(keys(SearchQuery.text("vuosiloma heinäkuussa"))).containsExactly("HR-2");
            assertThat(keys(SearchQuery.text("palkka"))).containsExactly("HR-3");
            assertThat(keys(SearchQuery.text("irtisanominen"))).isEmpty();
        }

        @Test
        @DisplayName("by classification prefix, combined with words and address")
        void byClassification() {
            open(aino, "Vuosiloma", "Loma-asia.", "Palvelussuhde/Vuosiloma");
            open(eero, "Todistus", "Todistus tarvitaan.", "Palvelussuhde/Todistukset");
            open(eero, "Palkka", "Palkka puuttuu.", "Palkka");
            SearchQuery.Builder underEmployment = SearchQuery.builder()
                    .classifiedUnder(Classification.of("Palvelussuhde"));

            assertThat(keys(underEmployment.build())).containsExactly("HR-1", "HR-2");
            assertThat(keys(underEmployment.requesterEmail("eero.laine@example.com").build())).containsExactly("HR-2");
            assertThat(keys(SearchQuery.builder().classifiedUnder(Classification.of("Palvelussuhde/Vuosiloma"))
                    .text("loma").build())).containsExactly("HR-1");
            assertThat(keys(SearchQuery.builder().classifiedUnder(Classification.of("Palvelussuhde")).limit(1)
                    .build())).containsExactly("HR-1");
        }

        @Test
        @DisplayName("a query without any criterion is refused with a clear error")
        void emptyQuery() {
            TicketingException e = catchThrowableOfType(TicketingException.class,
                    () -> SearchQuery.builder().text("  ,. ").build());
            assertThat(e.code()).isEqualTo(ErrorCode.ARGUMENT_MISSING);
            assertThat(e.getMessage()).contains("at least one criterion");
        }
    }

    @Nested
    @DisplayName("keeping the index current")
    class Current {
        @Test
        @DisplayName("entries, updates and transitions are searchable after their commit; replaced words are not")
        void afterEachChange() {
            Ticket t = open(aino, "Kysymys", "Alkuviesti.", "Palkka");
            w.ticketing.tickets().addEntry(NewEntry.note(t.id(), PrivacyWorld.AGENT, "Sisäinen huomio ylityökorvauksesta"));
            assertThat(keys(SearchQuery.text("ylityökorvauksen"))).containsExactly("HR-1");

            w.ticketing.tickets().update(TicketUpdate.of(t.id(), PrivacyWorld.AGENT).subject("Lomaraha")
                    .classification("Palkka/Lomaraha"));
            assertThat(keys(SearchQuery.text("lomarahan"))).containsExactly("HR-1");
            assertThat(keys(SearchQuery.text("kysymys"))).isEmpty();
            assertThat(keys(SearchQuery.builder().classifiedUnder(Classification.of("Palkka/Lomaraha")).build()))
                    .containsExactly("HR-1");

            w.close(t);
            assertThat(w.indexDrift()).isEmpty();
        }

        @Test
        @DisplayName("registering a contact again re-indexes their tickets: the new address finds them, the old one not")
        void changedAddress() {
            open(aino, "Vuosiloma", "Loma-asia.", "Palvelussuhde");
            w.privacy.register().save(new Contact(aino.id(), aino.name(), List.of("aino.salminen@example.fi"),
                    aino.phones(), Language.FI, AssuranceLevel.LOW, true, java.util.Optional.empty()));

            assertThat(keys(email("aino.virtanen@example.fi"))).isEmpty();
            assertThat(keys(email("aino.salminen@example.fi"))).containsExactly("HR-1");
        }

        @Test
        @DisplayName("reindex() rebuilds a lost index from the ticket store")
        void reindex() {
            open(aino, "Vuosiloma", "Loma-asia.", "Palvelussuhde/Vuosiloma");
            open(eero, "Palkka", "Palkka puuttuu.", "Palkka");
            w.searchIndex.clear();
            assertThat(keys(SearchQuery.text("palkka"))).isEmpty();

            assertThat(w.ticketing.search().reindex()).isEqualTo(2);

            assertThat(keys(SearchQuery.text("palkka"))).containsExactly("HR-2");
            assertThat(w.indexDrift()).isEmpty();
        }

        @Test
        @DisplayName("without a search index, search and reindex fail with TKT-0900 and saying how to wire one")
        void notConfigured() {
            Ticketing bare = Ticketing.builder().ticketStore(new dev.tiketti.core.inmemory.InMemoryTicketStore())
                    .definitionStore(new dev.tiketti.core.inmemory.InMemoryDefinitionStore())
                    .contactStore(new dev.tiketti.core.inmemory.InMemoryContactStore())
                    .attachmentStore(new dev.tiketti.core.inmemory.InMemoryAttachmentStore())
                    .outboundTransport(new dev.tiketti.core.inmemory.RecordingOutboundTransport())
                    .organizationStore(new dev.tiketti.core.inmemory.InMemoryOrganizationStore())
                    .consentStore(new dev.tiketti.core.inmemory.InMemoryConsentStore())
                    .auditLog(new dev.tiketti.core.inmemory.InMemoryAuditLog())
                    .erasureJournal(new dev.tiketti.core.inmemory.InMemoryErasureJournal())
                    .consentRequestStore(new dev.tiketti.core.inmemory.InMemoryConsentRequestStore()).build();

            TicketingException e = catchThrowableOfType(TicketingException.class,
                    () -> bare.search().find(SearchQuery.text("loma")));
            assertThat(e.code()).isEqualTo(ErrorCode.SEARCH_NOT_CONFIGURED);
            assertThat(e.getMessage()).contains("[TKT-0900]", "searchIndex(", ".inMemory()");
            assertThat(catchThrowableOfType(TicketingException.class, bare.search()::reindex).code())
                    .isEqualTo(ErrorCode.SEARCH_NOT_CONFIGURED);
        }
    }

    @Nested
    @DisplayName("forgetting (R8)")
    class Forgetting {
        @Test
        @DisplayName("after erasure the person is found neither by address nor by name, also in others' tickets")
        void erasure() {
            Ticket own = open(aino, "Vuosiloma", "Terveisin Aino Virtanen, puh. +358 40 123 4567", "Palvelussuhde");
            open(eero, "Kollegan asia", "Aino Virtanen pyysi minua kysymään lomista.", "Palvelussuhde");
            assertThat(keys(email("aino.virtanen@example.fi"))).containsExactly("HR-1");
            assertThat(keys(SearchQuery.text("virtanen"))).containsExactly("HR-1", "HR-2");

            ErasureReport report = w.privacy.erasure().erase(ErasureRequest.of(aino.id(), ErasurePropertiesTest.DPO,
                    new ErasureSource.Form("f-1")).withSubstitute(eero.id()));

            assertThat(keys(email("aino.virtanen@example.fi"))).isEmpty();
            assertThat(keys(SearchQuery.text("virtanen"))).isEmpty();
            assertThat(keys(SearchQuery.text("aino"))).isEmpty();
            assertThat(keys(SearchQuery.text("4567"))).isEmpty();
            assertThat(keys(SearchQuery.text("lomista"))).containsExactly("HR-2"); // the rest stays findable
            assertThat(keys(email("eero.laine@example.com"))).containsExactly("HR-1", "HR-2"); // handed over
            assertThat(report.items()).filteredOn(i -> i.store() == ErasureItem.Store.SEARCH_INDEX)
                    .extracting(ErasureItem::item, ErasureItem::category, i -> i.outcome().getClass().getSimpleName())
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("HR-1", DataCategory.SEARCH_INDEX, "Anonymised"),
                            org.assertj.core.groups.Tuple.tuple("HR-2", DataCategory.SEARCH_INDEX, "Anonymised"));
            assertThat(w.indexDrift()).isEmpty();
            assertThat(w.searchIndex.document(own.id()).orElseThrow().requesterEmails())
                    .containsExactly("eero.laine@example.com");
        }

        @Test
        @DisplayName("a policy that retains SEARCH_INDEX keeps the person's own documents and reports them as retained")
        void retained() {
            Ticket own = open(aino, "Vuosiloma", "Terveisin Aino Virtanen", "Palvelussuhde");
            Retention basis = new Retention(LegalBasis.LEGAL_OBLIGATION, "investigation in progress",
                    java.util.Optional.of(java.time.LocalDate.of(2026, 1, 1)));

            ErasureReport report = w.privacy.erasure().erase(ErasureRequest.of(aino.id(), ErasurePropertiesTest.DPO,
                    new ErasureSource.Form("f-3")).withSubstitute(eero.id()), ErasurePolicy.builder()
                    .retain(DataCategory.SEARCH_INDEX, basis).build());

            assertThat(keys(SearchQuery.text("virtanen"))).containsExactly("HR-1");
            assertThat(w.searchIndex.document(own.id()).orElseThrow().requesterEmails())
                    .containsExactly("aino.virtanen@example.fi");
            assertThat(report.retained()).extracting(ErasureItem::store, ErasureItem::item)
                    .contains(org.assertj.core.groups.Tuple.tuple(ErasureItem.Store.SEARCH_INDEX, "HR-1"));
        }

        @Test
        @DisplayName("a closed ticket deleted by erasure leaves no document behind")
        void deletedTicket() {
            Ticket own = open(aino, "Vuosiloma", "Loma-asia.", "Palvelussuhde");
            w.close(own);
            ErasureReport report = w.privacy.erasure().erase(ErasureRequest.of(aino.id(), ErasurePropertiesTest.DPO,
                    new ErasureSource.Form("f-2")), ErasurePolicy.builder()
                    .action(DataCategory.TICKET_TEXT, ErasureAction.DELETE).build());

            assertThat(w.searchIndex.indexed()).isEmpty();
            assertThat(report.items()).filteredOn(i -> i.store() == ErasureItem.Store.SEARCH_INDEX)
                    .extracting(i -> i.outcome().getClass().getSimpleName()).containsExactly("Deleted");
        }

        @Test
        @DisplayName("a retention sweep removes deleted tickets' documents and re-indexes anonymised ones")
        void retentionSweep() {
            Ticket deleted = w.ticketing.tickets().open(OpenTicket.of("general", aino.id(), "Vanha asia", Channel.EMAIL)
                    .body("Aino Virtanen kysyi."));
            Ticket anonymised = w.ticketing.tickets().open(OpenTicket.of("payroll", aino.id(), "Vanha palkka-asia",
                    Channel.EMAIL).body("Aino Virtanen kysyi palkasta."));
            w.close(deleted);
            w.close(anonymised);
            w.clock.advance(Duration.ofDays(400));

            w.privacy.retention().sweep(List.of(new RetentionSchedule("general", 12, ErasureAction.DELETE),
                    new RetentionSchedule("payroll", 12, ErasureAction.ANONYMISE)));

            assertThat(w.searchIndex.document(deleted.id())).isEmpty();
            assertThat(keys(SearchQuery.text("virtanen"))).isEmpty();
            assertThat(keys(SearchQuery.text("palkasta"))).containsExactly("PAY-1");
            assertThat(w.indexDrift()).isEmpty();
        }
    }

    @Nested
    @DisplayName("the query API through the facade")
    class QueryApi {
        @Test
        @DisplayName("hits carry the stored ticket, a marked snippet; facets and the next page come along")
        void hitsFacetsPaging() {
            open(aino, "Vuosiloma", "Kysyisin vuosilomasta.", "Palvelussuhde/Vuosiloma");
            open(eero, "Vuosiloman siirto", "Siirto syksyyn.", "Palvelussuhde/Vuosiloma");
            open(eero, "Palkka", "Palkka puuttuu.", "Palkka");

            FoundTickets page = w.ticketing.search().find(SearchQuery.builder().text("vuosiloma")
                    .sort(SearchSort.asc(SearchSort.Field.KEY)).facets(SearchFacet.CLASSIFICATION, SearchFacet.STATE_CATEGORY)
                    .limit(1).build());

            assertThat(page.tickets()).extracting(t -> t.key().toString()).containsExactly("HR-1");
            assertThat(page.hits().get(0).snippet()).hasValueSatisfying(sn -> assertThat(sn).contains("«Vuosiloma»"));
            assertThat(page.total()).isEqualTo(2);
            assertThat(page.facet(SearchFacet.CLASSIFICATION)).containsEntry("Palvelussuhde", 2L)
                    .containsEntry("Palvelussuhde/Vuosiloma", 2L).doesNotContainKey("Palkka");
            assertThat(page.facet(SearchFacet.STATE_CATEGORY)).containsEntry("NEW", 2L);
            FoundTickets second = w.ticketing.search().find(SearchQuery.builder().text("vuosiloma")
                    .sort(SearchSort.asc(SearchSort.Field.KEY)).limit(1).after(page.next().orElseThrow()).build());
            assertThat(second.tickets()).extracting(t -> t.key().toString()).containsExactly("HR-2");
            assertThat(second.next()).isEmpty();
        }

        @Test
        @DisplayName("an internal note is found by handlers only, and the document knows the state category and language")
        void internalNotes() {
            Ticket t = open(aino, "Kysymys", "Alkuviesti.", "Palkka");
            w.ticketing.tickets().addEntry(NewEntry.note(t.id(), PrivacyWorld.AGENT, "Sisäinen huomio ylityökorvauksesta"));

            assertThat(keys(SearchQuery.text("ylityökorvauksesta"))).containsExactly("HR-1");
            assertThat(keys(SearchQuery.builder().text("ylityökorvauksesta").publicTextsOnly().build())).isEmpty();
            SearchDocument d = w.searchIndex.document(t.id()).orElseThrow();
            assertThat(d.stateCategory()).isEqualTo(w.ticketing.tickets().category(t));
            assertThat(d.language()).contains(aino.language());
            assertThat(d.texts()).filteredOn(x -> x.visibility() == Visibility.INTERNAL).extracting(SearchText::text)
                    .containsExactly("Sisäinen huomio ylityökorvauksesta");
        }

        @Test
        @DisplayName("health reports the documents of the index")
        void health() {
            open(aino, "Vuosiloma", "Loma-asia.", "Palvelussuhde");

            assertThat(w.ticketing.search().health().documents()).isEqualTo(1);
            assertThat(w.ticketing.search().health().lag()).isEmpty();
        }
    }

    @Nested
    @DisplayName("reindexing while the system takes changes")
    class ReindexUnderChanges {
        @Test
        @DisplayName("reports progress per batch and ends with done; documents of tickets gone are dropped")
        void progress() {
            for (int i = 0; i < 5; i++) {
                open(aino, "Asia " + i, "Loma-asia.", "Palvelussuhde");
            }
            w.searchIndex.index(w.searchIndex.document(w.ticketing.tickets().find(
                    dev.tiketti.core.common.TicketKey.parse("HR-1")).orElseThrow().id()).orElseThrow()
                    .withContent(List.of(), List.of(SearchText.visible(TextPart.SUBJECT, "vanhentunut"))));
            List<ReindexProgress> reports = new java.util.ArrayList<>();

            int n = w.ticketing.search().reindex(new ReindexListener() {
                public void progress(ReindexProgress p) {
                    reports.add(p);
                }

                public int batchSize() {
                    return 2;
                }
            });

            assertThat(n).isEqualTo(5);
            assertThat(reports).extracting(ReindexProgress::indexed).containsExactly(2, 4, 5);
            assertThat(reports).extracting(ReindexProgress::done).containsExactly(false, false, true);
            assertThat(keys(SearchQuery.text("vanhentunut"))).isEmpty();
            assertThat(w.indexDrift()).isEmpty();
        }

        @Test
        @DisplayName("a ticket changed and one opened by another thread during the rebuild are in the index afterwards")
        void concurrentChange() throws Exception {
            Ticket first = open(aino, "Ensimmäinen", "Alku.", "Palvelussuhde");
            for (int i = 0; i < 5; i++) {
                open(eero, "Asia " + i, "Loma-asia.", "Palvelussuhde");
            }
            java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                w.ticketing.search().reindex(new ReindexListener() {
                    public void progress(ReindexProgress p) {
                        if (p.indexed() == 2 && !p.done()) {
                            // HR-1 is indexed already; the other thread changes it and opens HR-7 mid-rebuild
                            try {
                                other.submit(() -> {
                                    w.ticketing.tickets().update(TicketUpdate.of(first.id(), PrivacyWorld.AGENT)
                                            .subject("Muutettu kesken"));
                                    open(aino, "Avattu kesken", "Uusi.", "Palkka");
                                }).get(30, java.util.concurrent.TimeUnit.SECONDS);
                            } catch (Exception e) {
                                throw new AssertionError(e);
                            }
                        }
                    }

                    public int batchSize() {
                        return 2;
                    }
                });
            } finally {
                other.shutdownNow();
            }

            assertThat(keys(SearchQuery.text("kesken"))).containsExactly("HR-1", "HR-7");
            assertThat(keys(SearchQuery.text("ensimmäinen"))).isEmpty();
            assertThat(w.indexDrift()).isEmpty();
        }
    }
}
