package dev.tiketti.benchmarks.search;

import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.Classification;
import dev.tiketti.core.common.Priority;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.privacy.Language;
import dev.tiketti.core.search.DocumentKind;
import dev.tiketti.core.search.SearchDocument;
import dev.tiketti.core.search.SearchFacet;
import dev.tiketti.core.search.SearchQuery;
import dev.tiketti.core.search.SearchSort;
import dev.tiketti.core.search.SearchText;
import dev.tiketti.core.search.TextPart;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.ticket.Visibility;
import dev.tiketti.search.internal.analysis.TextAnalysis;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;

/**
 * Generated HR tickets for the search benchmarks (fixed seed): about 2 KB of text each (subject,
 * three public messages, one internal note) from an invented Finnish HR vocabulary, five teams,
 * five states, six classifications, ten agents, one requester address per 20 tickets. Also the
 * bare-Lucene form of the same content, and the mixed queries of S3.
 */
public final class SearchWorkload {
    static final String[] WORDS = ("vuosiloma vuosiloman lomaraha palkka palkan palkasta ylityö ylityökorvaus "
            + "työtodistus työtodistuksen sairausloma sairauslomalla perhevapaa vanhempainvapaa irtisanominen "
            + "koeaika työsopimus työsopimuksen lomautus matkalasku matkakorvaus kilometrikorvaus verokortti "
            + "tilille elokuulle heinäkuussa syksyllä kesällä esihenkilö hyväksyntä poikkeus hakemus liite "
            + "kysymys vastaus asia pyyntö selvitys muutos siirto alkaen päättyen viikko kuukausi vuosi "
            + "tunti päivä aamu ilta toimisto etätyö koulutus perehdytys työterveys lääkäri todistus").split(" ");
    static final String[] TEAMS = {"hr", "payroll", "travel", "health", "recruiting"};
    static final String[] STATES = {"NEW", "IN_PROGRESS", "WAITING", "RESOLVED", "CLOSED"};
    static final StateCategory[] CATEGORIES = {StateCategory.NEW, StateCategory.OPEN, StateCategory.WAITING,
            StateCategory.RESOLVED, StateCategory.CLOSED};
    static final String[] CLASSES = {"Palvelussuhde/Vuosiloma", "Palvelussuhde/Todistukset", "Palkka",
            "Palkka/Lomaraha", "Matkat", "Työterveys"};
    static final Instant START = Instant.parse("2025-01-01T06:00:00Z");
    static final FacetsConfig BARE_FACETS = new FacetsConfig();

    private SearchWorkload() {
    }

    static String text(Random r, int chars) {
        StringBuilder b = new StringBuilder(chars + 16);
        while (b.length() < chars) {
            b.append(WORDS[r.nextInt(WORDS.length)]).append(r.nextInt(12) == 0 ? ". " : " ");
        }
        return b.toString();
    }

    static String email(int n) {
        return "henkilo" + (n / 20) + "@example.fi";
    }

    /** {@code count} documents, the same for every run. */
    public static List<SearchDocument> documents(int count) {
        Random r = new Random(20_261_208L);
        List<SearchDocument> docs = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            int s = r.nextInt(STATES.length);
            Instant created = START.plusSeconds(n * 600L);
            List<SearchText> texts = List.of(SearchText.visible(TextPart.SUBJECT, text(r, 40)),
                    SearchText.visible(TextPart.ENTRY, text(r, 600)), SearchText.visible(TextPart.ENTRY, text(r, 500)),
                    SearchText.visible(TextPart.ENTRY, text(r, 500)), SearchText.internal(TextPart.ENTRY, text(r, 400)));
            docs.add(new SearchDocument(new TicketId(new UUID(0xbe7cL, n)), new TicketKey("HR", n), DocumentKind.TICKET,
                    "question", TeamId.of(TEAMS[r.nextInt(TEAMS.length)]), STATES[s], CATEGORIES[s],
                    r.nextInt(4) == 0 ? Optional.empty() : Optional.of(AgentId.of("agent" + r.nextInt(10))),
                    Channel.EMAIL, Priority.NORMAL, created, created.plusSeconds(r.nextInt(86_400)),
                    Optional.empty(), Optional.of(Classification.of(CLASSES[r.nextInt(CLASSES.length)])),
                    List.of(email(n)), Optional.of(Language.FI), texts));
        }
        return docs;
    }

    /**
     * The same content as bare Lucene would hold it: keyword fields, the texts through the same
     * analysis, facet fields for state and team; no stored document, no sort doc values.
     */
    public static Document bare(SearchDocument d) {
        Document doc = new Document();
        doc.add(new StringField("id", d.ticketId().toString(), Field.Store.YES));
        d.requesterEmails().forEach(e -> doc.add(new StringField("email", e, Field.Store.NO)));
        doc.add(new StringField("team", d.team().value(), Field.Store.NO));
        doc.add(new StringField("state", d.state(), Field.Store.NO));
        doc.add(new SortedSetDocValuesFacetField("state", d.state()));
        doc.add(new SortedSetDocValuesFacetField("team", d.team().value()));
        for (SearchText t : d.texts()) {
            TextAnalysis.addText(doc, t.visibility() == Visibility.PUBLIC ? "pub" : "int", t.text(), d.language());
        }
        try {
            return BARE_FACETS.build(doc);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The S3 mix, in turn: a word, an e-mail address, a team filter with a word and two facets. */
    public static List<SearchQuery> queries(int count, int documents) {
        Random r = new Random(7L);
        List<SearchQuery> qs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            switch (i % 3) {
                case 0 -> qs.add(SearchQuery.builder().text(WORDS[r.nextInt(WORDS.length)]).limit(20).build());
                case 1 -> qs.add(SearchQuery.builder().requesterEmail(email(1 + r.nextInt(documents)))
                        .sort(SearchSort.asc(SearchSort.Field.KEY)).limit(20).build());
                default -> qs.add(SearchQuery.builder().teams(TeamId.of(TEAMS[r.nextInt(TEAMS.length)]))
                        .text(WORDS[r.nextInt(WORDS.length)]).facets(SearchFacet.STATE, SearchFacet.TEAM).limit(20)
                        .build());
            }
        }
        return qs;
    }
}
