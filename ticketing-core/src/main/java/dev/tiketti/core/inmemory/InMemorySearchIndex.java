package dev.tiketti.core.inmemory;

import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.search.SearchDocument;
import dev.tiketti.core.search.SearchFacet;
import dev.tiketti.core.search.SearchQuery;
import dev.tiketti.core.search.SearchSort;
import dev.tiketti.core.search.SearchText;
import dev.tiketti.core.search.TextQuery;
import dev.tiketti.core.spi.SearchCursor;
import dev.tiketti.core.spi.SearchIndex;
import dev.tiketti.core.spi.SearchResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reference {@link SearchIndex} in memory: a naive scan of every document per query, good for
 * tests and small hosts (thousands of tickets). Thread-safe by a single lock. Documents are replaced
 * and removed in place, so nothing of an erased document stays behind.
 *
 * <p>Matching: text is lower-cased with {@code Locale.ROOT} and split into words (runs of letters
 * and digits). A query word matches a text word that begins with it, so {@code vuosiloma} finds
 * {@code vuosiloman} and {@code vuosilomaa}. A query word of at least {@value #MIN_STEM} letters
 * after dropping one common Finnish case ending ({@code -n, -a, -ä, -t, -na, -ssa, -sta, -lla, -lta,
 * -lle, -ksi} …) is matched by that stem, so {@code vuosiloman} finds {@code vuosiloma} too. A phrase
 * matches consecutive words of one text, each matched like that.
 * Limits: no consonant gradation ({@code lakko} does not find {@code lakon}), no compounds split
 * ({@code loma} does not find {@code vuosiloma}), no Swedish or English stemming. A Lucene index
 * with a Finnish analyser does better.
 *
 * <p>Score: the number of text words the query's words match (all visible texts together). Snippet:
 * the first visible text with a matching word, cut to about {@value #SNIPPET} characters around the
 * first match, every match in it marked {@code «…»}.
 *
 * @since 0.1
 */
public final class InMemorySearchIndex implements SearchIndex {
    /** Shortest stem that a stripped case ending may leave. */
    public static final int MIN_STEM = 5;
    /** About how long a snippet is. */
    public static final int SNIPPET = 160;
    private static final List<String> ENDINGS = List.of("ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä",
            "lle", "ksi", "na", "nä", "ta", "tä", "n", "a", "ä", "t");

    private final Map<TicketId, SearchDocument> documents = new HashMap<>();

    @Override
    public synchronized void index(SearchDocument document) {
        documents.put(document.ticketId(), document);
    }

    @Override
    public synchronized boolean remove(TicketId ticket) {
        return documents.remove(ticket) != null;
    }

    @Override
    public synchronized SearchResult search(SearchQuery query) {
        TextQuery text = query.textQuery();
        List<String> wanted = text.allWords().stream().map(InMemorySearchIndex::stem).toList();
        Optional<SearchCursor> after = query.after().map(c -> SearchCursor.decode(c, query.sort()));
        List<Scored> matches = new ArrayList<>();
        for (SearchDocument d : documents.values()) {
            if (!filtersMatch(d, query)) {
                continue;
            }
            List<List<String>> texts = d.textsFor(query.includeInternal()).stream()
                    .map(t -> SearchQuery.wordsInOrder(t.text())).toList();
            if (!(text instanceof TextQuery.Empty) && !matches(text, texts)) {
                continue;
            }
            float score = 1f;
            if (!(text instanceof TextQuery.Empty)) {
                score = texts.stream().flatMap(List::stream).filter(w -> wanted.stream().anyMatch(w::startsWith)).count();
            }
            matches.add(new Scored(d, score, position(query.sort(), d, score)));
        }
        Map<SearchFacet, Map<String, Long>> facets = facets(query, matches);
        Comparator<SearchCursor> order = order(query.sort());
        List<Scored> page = matches.stream()
                .filter(m -> after.map(a -> order.compare(m.position(), a) > 0).orElse(true))
                .sorted(Comparator.comparing(Scored::position, order))
                .limit(query.limit() + 1L).toList();
        Optional<String> next = Optional.empty();
        if (page.size() > query.limit()) {
            page = page.subList(0, query.limit());
            next = Optional.of(page.get(page.size() - 1).position().encode());
        }
        List<SearchResult.Hit> hits = page.stream().map(m -> new SearchResult.Hit(m.document().ticketId(),
                m.document().key(), m.score(), snippet(m.document().textsFor(query.includeInternal()), wanted))).toList();
        return new SearchResult(hits, matches.size(), facets, next);
    }

    private record Scored(SearchDocument document, float score, SearchCursor position) {
    }

    private static boolean filtersMatch(SearchDocument d, SearchQuery q) {
        return q.kinds().contains(d.kind())
                && q.requesterEmail().map(d.requesterEmails()::contains).orElse(true)
                && q.classificationPrefix().map(p -> d.classification().map(c -> c.startsWith(p)).orElse(false)).orElse(true)
                && (q.teams().isEmpty() || q.teams().contains(d.team()))
                && (q.states().isEmpty() || q.states().contains(d.state()))
                && (q.stateCategories().isEmpty() || q.stateCategories().contains(d.stateCategory()))
                && q.assignee().map(a -> d.assignee().equals(Optional.of(a))).orElse(true)
                && (!q.unassigned() || d.assignee().isEmpty())
                && (q.typeIds().isEmpty() || q.typeIds().contains(d.typeId()))
                && (q.channels().isEmpty() || q.channels().contains(d.channel()))
                && q.created().map(r -> r.contains(d.createdAt())).orElse(true)
                && q.updated().map(r -> r.contains(d.updatedAt())).orElse(true);
    }

    private static boolean matches(TextQuery q, List<List<String>> texts) {
        if (q instanceof TextQuery.Word w) {
            String stem = stem(w.word());
            return texts.stream().anyMatch(t -> t.stream().anyMatch(x -> x.startsWith(stem)));
        }
        if (q instanceof TextQuery.Phrase p) {
            List<String> stems = p.words().stream().map(InMemorySearchIndex::stem).toList();
            for (List<String> t : texts) {
                for (int i = 0; i + stems.size() <= t.size(); i++) {
                    int start = i;
                    if (java.util.stream.IntStream.range(0, stems.size()).allMatch(k -> t.get(start + k).startsWith(stems.get(k)))) {
                        return true;
                    }
                }
            }
            return false;
        }
        if (q instanceof TextQuery.All a) {
            return a.parts().stream().allMatch(p -> matches(p, texts));
        }
        if (q instanceof TextQuery.Any a) {
            return a.parts().stream().anyMatch(p -> matches(p, texts));
        }
        return true;
    }

    private static Map<SearchFacet, Map<String, Long>> facets(SearchQuery q, List<Scored> matches) {
        Map<SearchFacet, Map<String, Long>> out = new EnumMap<>(SearchFacet.class);
        for (SearchFacet f : q.facets()) {
            Map<String, Long> counts = new HashMap<>();
            for (Scored m : matches) {
                for (String v : facetValues(f, m.document())) {
                    counts.merge(v, 1L, Long::sum);
                }
            }
            Map<String, Long> sorted = new LinkedHashMap<>();
            counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey())).forEach(e -> sorted.put(e.getKey(), e.getValue()));
            out.put(f, sorted);
        }
        return out;
    }

    /** The values a document counts for under {@code facet}. */
    static List<String> facetValues(SearchFacet facet, SearchDocument d) {
        switch (facet) {
            case STATE:
                return List.of(d.state());
            case STATE_CATEGORY:
                return List.of(d.stateCategory().name());
            case TEAM:
                return List.of(d.team().value());
            case ASSIGNEE:
                return List.of(d.assignee().map(a -> a.value()).orElse(SearchFacet.UNASSIGNED));
            case CLASSIFICATION:
                List<String> paths = new ArrayList<>();
                d.classification().ifPresent(c -> {
                    for (int i = 1; i <= c.segments().size(); i++) {
                        paths.add(String.join("/", c.segments().subList(0, i)));
                    }
                });
                return paths;
            default:
                throw new IllegalStateException("unknown facet " + facet);
        }
    }

    private static SearchCursor position(SearchSort sort, SearchDocument d, float score) {
        long value = switch (sort.field()) {
            case RELEVANCE -> Float.floatToIntBits(score);
            case KEY -> 0L;
            case CREATED -> SearchCursor.dateValue(d.createdAt());
            case UPDATED -> SearchCursor.dateValue(d.updatedAt());
            case SLA_DUE -> d.slaDue().map(SearchCursor::dateValue).orElse(Long.MAX_VALUE);
        };
        return new SearchCursor(sort, value, d.key());
    }

    private static final Comparator<TicketKey> KEY_ORDER = Comparator.comparing(TicketKey::prefix)
            .thenComparingLong(TicketKey::number);

    /** The order of positions under {@code sort}: the sort value, then the key ascending. */
    static Comparator<SearchCursor> order(SearchSort sort) {
        Comparator<SearchCursor> primary = switch (sort.field()) {
            case RELEVANCE -> Comparator.comparing(SearchCursor::score, Comparator.reverseOrder());
            case KEY -> Comparator.comparing(SearchCursor::key, sort.descending() ? KEY_ORDER.reversed() : KEY_ORDER);
            default -> sort.descending() ? Comparator.comparingLong(SearchCursor::value).reversed()
                    : Comparator.comparingLong(SearchCursor::value);
        };
        return primary.thenComparing(SearchCursor::key, KEY_ORDER);
    }

    /** A passage of the first text with a match, every match marked; empty without words or match. */
    static Optional<String> snippet(List<SearchText> texts, List<String> stems) {
        if (stems.isEmpty()) {
            return Optional.empty();
        }
        for (SearchText t : texts) {
            String text = t.text();
            List<int[]> hits = new ArrayList<>();
            String lower = text.toLowerCase(Locale.ROOT);
            int i = 0;
            while (i < lower.length()) {
                if (!Character.isLetterOrDigit(lower.charAt(i))) {
                    i++;
                    continue;
                }
                int start = i;
                while (i < lower.length() && Character.isLetterOrDigit(lower.charAt(i))) {
                    i++;
                }
                String word = lower.substring(start, i);
                if (stems.stream().anyMatch(word::startsWith)) {
                    hits.add(new int[] {start, i});
                }
            }
            if (hits.isEmpty()) {
                continue;
            }
            int from = Math.max(0, hits.get(0)[0] - SNIPPET / 3);
            while (from > 0 && !Character.isWhitespace(text.charAt(from - 1))) {
                from--;
            }
            int to = Math.min(text.length(), from + SNIPPET);
            while (to < text.length() && !Character.isWhitespace(text.charAt(to))) {
                to++;
            }
            StringBuilder out = new StringBuilder(from > 0 ? "…" : "");
            int at = from;
            for (int[] h : hits) {
                if (h[0] < from || h[1] > to) {
                    continue;
                }
                out.append(plain(text.substring(at, h[0]))).append('«').append(plain(text.substring(h[0], h[1]))).append('»');
                at = h[1];
            }
            out.append(plain(text.substring(at, to))).append(to < text.length() ? "…" : "");
            return Optional.of(out.toString().strip());
        }
        return Optional.empty();
    }

    /** The text with its own guillemets made single, so that the marks stay unambiguous. */
    public static String plain(String text) {
        return text.replace('«', '‹').replace('»', '›');
    }

    @Override
    public synchronized Optional<SearchDocument> document(TicketId ticket) {
        return Optional.ofNullable(documents.get(ticket));
    }

    @Override
    public synchronized List<TicketId> indexed() {
        return new ArrayList<>(documents.keySet());
    }

    @Override
    public synchronized void clear() {
        documents.clear();
    }

    /** The query word without one common Finnish case ending, if a stem of {@link #MIN_STEM} letters remains. */
    static String stem(String word) {
        for (String ending : ENDINGS) {
            if (word.endsWith(ending) && word.length() - ending.length() >= MIN_STEM) {
                return word.substring(0, word.length() - ending.length());
            }
        }
        return word;
    }

    private volatile long followed = -1;

    @Override
    public java.util.OptionalLong followedPosition() {
        long p = followed;
        return p < 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(p);
    }

    @Override
    public void followed(long position) {
        followed = position;
    }
}
