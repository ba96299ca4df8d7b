package dev.tiketti.core.inmemory;

import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.search.SearchDocument;
import dev.tiketti.core.search.SearchQuery;
import dev.tiketti.core.spi.SearchIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reference {@link SearchIndex} in memory: a naive scan of every document per query, good for
 * tests and small hosts (thousands of tickets). Thread-safe by a single lock. Documents are replaced
 * and removed in place, so nothing of an erased document stays behind.
 *
 * <p>Matching: text is lower-cased with {@code Locale.ROOT} and split into words (runs of letters
 * and digits). A query word matches a text word that begins with it, so {@code vuosiloma} finds
 * {@code vuosiloman} and {@code vuosilomaa}. A query word of at least {@value #MIN_STEM} letters
 * after dropping one common Finnish case ending ({@code -n, -a, -ä, -t, -na, -ssa, -sta, -lla, -lta,
 * -lle, -ksi} …) is matched by that stem, so {@code vuosiloman} finds {@code vuosiloma} too.
 * Limits: no consonant gradation ({@code lakko} does not find {@code lakon}), no compounds split
 * ({@code loma} does not find {@code vuosiloma}), no Swedish or English stemming, no ranking. A
 * Lucene index with a Finnish analyser does better.
 *
 * @since 0.1
 */
public final class InMemorySearchIndex implements SearchIndex {
    /** Shortest stem that a stripped case ending may leave. */
    public static final int MIN_STEM = 5;
    private static final List<String> ENDINGS = List.of("ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä",
            "lle", "ksi", "na", "nä", "ta", "tä", "n", "a", "ä", "t");

    private final Map<TicketId, SearchDocument> documents = new HashMap<>();
    private final Map<TicketId, Set<String>> words = new HashMap<>();

    @Override
    public synchronized void index(SearchDocument document) {
        Set<String> all = new HashSet<>();
        document.texts().forEach(t -> all.addAll(SearchQuery.words(t)));
        documents.put(document.ticketId(), document);
        words.put(document.ticketId(), all);
    }

    @Override
    public synchronized boolean remove(TicketId ticket) {
        words.remove(ticket);
        return documents.remove(ticket) != null;
    }

    @Override
    public synchronized List<TicketId> search(SearchQuery query) {
        List<String> wanted = query.words().stream().map(InMemorySearchIndex::stem).toList();
        return documents.values().stream()
                .filter(d -> query.requesterEmail().map(d.requesterEmails()::contains).orElse(true))
                .filter(d -> query.classificationPrefix()
                        .map(p -> d.classification().map(c -> c.startsWith(p)).orElse(false)).orElse(true))
                .filter(d -> wanted.stream().allMatch(w -> words.get(d.ticketId()).stream().anyMatch(t -> t.startsWith(w))))
                .sorted(Comparator.comparing(SearchDocument::key, Comparator.comparing(TicketKey::prefix)
                        .thenComparingLong(TicketKey::number)))
                .limit(query.limit())
                .map(SearchDocument::ticketId)
                .toList();
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
        words.clear();
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
