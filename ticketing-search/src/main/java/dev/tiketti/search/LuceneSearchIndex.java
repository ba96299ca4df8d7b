package dev.tiketti.search;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.inmemory.InMemorySearchIndex;
import dev.tiketti.core.search.SearchDocument;
import dev.tiketti.core.search.SearchFacet;
import dev.tiketti.core.search.SearchHealth;
import dev.tiketti.core.search.SearchQuery;
import dev.tiketti.core.spi.SearchIndex;
import dev.tiketti.core.spi.SearchResult;
import dev.tiketti.core.spi.StoreProblems;
import dev.tiketti.search.internal.DocumentCodec;
import dev.tiketti.search.internal.Fields;
import dev.tiketti.search.internal.LuceneDocuments;
import dev.tiketti.search.internal.LuceneQueries;
import dev.tiketti.search.internal.analysis.TextAnalysis;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene {@link SearchIndex}: one {@link IndexWriter}, near-real-time searchers from a
 * {@link SearcherManager}, commits batched (every {@code commitAfter} changes, every
 * {@code commitInterval}, on {@link #purge()} and on {@link #close()}) since a commit per change
 * costs an fsync. A change is visible to the next search from any thread: a write marks the
 * searcher stale, and the next read refreshes it first ({@code maybeRefreshBlocking}), so bulk
 * writes pay for one refresh, not one each. Create with {@link LuceneSearch}; close it after the
 * {@code Ticketing} that uses it. Thread-safe.
 *
 * <p>Forgetting (R8): {@link #purge()} commits, merges away every segment that holds deleted
 * documents ({@code forceMergeDeletes} with 0 % allowed), commits again, refreshes the searcher so
 * that no reader of ours holds an old segment, and deletes unreferenced files.
 *
 * @since 0.1
 */
public final class LuceneSearchIndex implements SearchIndex, AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LuceneSearchIndex.class);
    private static final int SNIPPET = 160;

    private final Directory directory;
    private final String where;
    private final Clock clock;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final int commitAfter;
    private final Object writeLock = new Object();
    private final AtomicBoolean stale = new AtomicBoolean();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Optional<ScheduledExecutorService> committer;
    private volatile Optional<Instant> lastCommit;
    private volatile long followed = -1;
    private volatile Optional<FacetState> facetState = Optional.empty();

    private record FacetState(IndexReader reader, Optional<SortedSetDocValuesReaderState> state) {
    }

    LuceneSearchIndex(Directory directory, String where, Clock clock, Duration commitInterval, int commitAfter) {
        this.directory = directory;
        this.where = where;
        this.clock = clock;
        this.commitAfter = commitAfter;
        TieredMergePolicy merges = new TieredMergePolicy();
        merges.setForceMergeDeletesPctAllowed(0.0); // purge(): every segment with a deleted document is rewritten
        IndexWriterConfig config = new IndexWriterConfig(TextAnalysis.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND).setMergePolicy(merges).setCommitOnClose(false);
        try {
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, null);
        } catch (LockObtainFailedException e) {
            throw StoreProblems.searchLocked(where, e);
        } catch (IOException e) {
            throw StoreProblems.searchUnavailable("open", where, e);
        }
        Optional<Instant> committed = Optional.empty();
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> e : data) {
                if (e.getKey().equals(Fields.COMMITTED_AT)) {
                    committed = Optional.of(Instant.parse(e.getValue()));
                } else if (e.getKey().equals(Fields.FOLLOWED)) {
                    followed = Long.parseLong(e.getValue());
                }
            }
        }
        this.lastCommit = committed;
        if (commitInterval.isZero()) {
            committer = Optional.empty();
        } else {
            ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "tiketti-lucene-commit");
                t.setDaemon(true);
                return t;
            });
            long ms = Math.max(1, commitInterval.toMillis());
            s.scheduleWithFixedDelay(this::commitIfPending, ms, ms, TimeUnit.MILLISECONDS);
            committer = Optional.of(s);
        }
    }

    // ------------------------------------------------------------------ writing

    @Override
    public void index(SearchDocument document) {
        Require.nonNull(document, "search document");
        open();
        org.apache.lucene.document.Document doc = LuceneDocuments.toLucene(document);
        synchronized (writeLock) {
            try {
                writer.updateDocument(new Term(Fields.ID, document.ticketId().toString()), doc);
            } catch (AlreadyClosedException e) {
                throw StoreProblems.searchClosed(where);
            } catch (IOException e) {
                throw StoreProblems.searchUnavailable("index a document", where, e);
            }
            changed();
        }
    }

    @Override
    public boolean remove(TicketId ticket) {
        Require.nonNull(ticket, "ticket id");
        open();
        synchronized (writeLock) {
            Term id = new Term(Fields.ID, ticket.toString());
            boolean present = read(s -> s.count(new TermQuery(id)) > 0);
            if (!present) {
                return false;
            }
            try {
                writer.deleteDocuments(id);
            } catch (AlreadyClosedException e) {
                throw StoreProblems.searchClosed(where);
            } catch (IOException e) {
                throw StoreProblems.searchUnavailable("remove a document", where, e);
            }
            changed();
            return true;
        }
    }

    @Override
    public void clear() {
        open();
        synchronized (writeLock) {
            try {
                writer.deleteAll();
            } catch (AlreadyClosedException e) {
                throw StoreProblems.searchClosed(where);
            } catch (IOException e) {
                throw StoreProblems.searchUnavailable("clear", where, e);
            }
            changed();
        }
    }

    private void changed() {
        stale.set(true);
        if (pending.incrementAndGet() >= commitAfter) {
            commit();
        }
    }

    @Override
    public void purge() {
        open();
        synchronized (writeLock) {
            try {
                commit();
                writer.forceMergeDeletes(true);
                commit();
                searchers.maybeRefreshBlocking(); // our readers let go of the merged-away segments
                stale.set(false);
                facetState = Optional.empty();
                writer.deleteUnusedFiles();
            } catch (AlreadyClosedException e) {
                throw StoreProblems.searchClosed(where);
            } catch (IOException e) {
                throw StoreProblems.searchUnavailable("purge", where, e);
            }
        }
    }

    /** Whether matches in query field {@code f} mark the stored text of {@code prefix}. */
    private static boolean marks(String f, String prefix) {
        // the words as written; stem and compound matches would need the stacked field, whose marks spread
        return f.equals(prefix + ".exact") || f.equals(Fields.snippetField(prefix));
    }

    @Override
    public java.util.OptionalLong followedPosition() {
        long p = followed;
        return p < 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(p);
    }

    /** Kept with the next commit (at most the commit interval later), together with the content it describes. */
    @Override
    public void followed(long position) {
        followed = position;
        pending.incrementAndGet();
    }

    /** Makes every change so far durable now (the index also commits by itself; see the class comment). */
    public void commit() {
        open();
        synchronized (writeLock) {
            try {
                long before = pending.get();
                Instant at = clock.instant();
                // the position goes with the content committed with it: it was recorded after that content was written
                long position = followed;
                writer.setLiveCommitData((position < 0 ? Map.of(Fields.COMMITTED_AT, at.toString())
                        : Map.of(Fields.COMMITTED_AT, at.toString(), Fields.FOLLOWED, Long.toString(position))).entrySet());
                writer.commit();
                lastCommit = Optional.of(at);
                pending.addAndGet(-before);
            } catch (AlreadyClosedException e) {
                throw StoreProblems.searchClosed(where);
            } catch (IOException e) {
                throw StoreProblems.searchUnavailable("commit", where, e);
            }
        }
    }

    private void commitIfPending() {
        if (pending.get() > 0 && !closed.get()) {
            try {
                commit();
            } catch (RuntimeException e) {
                // the next write or the next interval tries again; the changes are searchable meanwhile
                LOG.warn("Background commit of the search index at {} failed; will retry", where, e);
            }
        }
    }

    // ------------------------------------------------------------------ reading

    @FunctionalInterface
    private interface Read<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T read(Read<T> action) {
        open();
        try {
            if (stale.getAndSet(false)) {
                searchers.maybeRefreshBlocking();
            }
            IndexSearcher s = searchers.acquire();
            try {
                return action.apply(s);
            } finally {
                searchers.release(s);
            }
        } catch (AlreadyClosedException e) {
            throw StoreProblems.searchClosed(where);
        } catch (IOException e) {
            throw StoreProblems.searchUnavailable("search", where, e);
        }
    }

    @Override
    public SearchResult search(SearchQuery query) {
        Require.nonNull(query, "search query");
        Query q = LuceneQueries.query(query);
        org.apache.lucene.search.Sort sort = LuceneQueries.sort(query.sort());
        Optional<FieldDoc> position = LuceneQueries.after(query);
        int n = query.limit() + 1;
        return read(s -> {
            int maxDoc = s.getIndexReader().maxDoc();
            // the key decides every tie, so the doc id only has to be valid and no higher than any real one
            ScoreDoc after = position.filter(p -> maxDoc > 0)
                    .map(p -> new FieldDoc(maxDoc - 1, p.score, p.fields)).orElse(null);
            TopFieldDocs top;
            long total;
            Map<SearchFacet, Map<String, Long>> facets = new EnumMap<>(SearchFacet.class);
            if (query.facets().isEmpty()) {
                // count every hit while collecting the page (a separate count() would visit them again)
                top = s.search(q, new TopFieldCollectorManager(sort, n, (FieldDoc) after, Integer.MAX_VALUE));
                TopFieldCollector.populateScores(top.scoreDocs, s, q); // the collector leaves ScoreDoc.score unset
                total = top.totalHits.value;
            } else {
                FacetsCollectorManager.FacetsResult r = FacetsCollectorManager.searchAfter(s, after, q, n, sort, true,
                        new FacetsCollectorManager());
                top = (TopFieldDocs) r.topDocs();
                facets = facets(s, r.facetsCollector(), query.facets());
                // the facet collector saw every hit: its per-segment counts are the exact total
                total = r.facetsCollector().getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
            }
            ScoreDoc[] docs = top.scoreDocs;
            int shown = Math.min(docs.length, query.limit());
            Optional<String> next = docs.length > query.limit()
                    ? Optional.of(LuceneQueries.cursorOf(query.sort(), (FieldDoc) docs[shown - 1]).encode())
                    : Optional.empty();
            Map<Integer, String> snippets = LuceneQueries.hasText(query) ? snippets(s, q, query, docs, shown) : Map.of();
            StoredFields stored = s.storedFields();
            List<SearchResult.Hit> hits = new ArrayList<>(shown);
            for (int i = 0; i < shown; i++) {
                FieldDoc d = (FieldDoc) docs[i];
                TicketId id = TicketId.of(stored.document(d.doc, Set.of(Fields.ID)).get(Fields.ID));
                float score = Float.isNaN(d.score) ? 0f : d.score;
                hits.add(new SearchResult.Hit(id, LuceneQueries.keyOf(d), score, Optional.ofNullable(snippets.get(d.doc))));
            }
            return new SearchResult(hits, Math.max(total, hits.size()), facets, next);
        });
    }

    private Map<SearchFacet, Map<String, Long>> facets(IndexSearcher s, FacetsCollector fc, Set<SearchFacet> wanted)
            throws IOException {
        Map<SearchFacet, Map<String, Long>> out = new EnumMap<>(SearchFacet.class);
        Optional<SortedSetDocValuesReaderState> state = facetState(s.getIndexReader());
        SortedSetDocValuesFacetCounts counts = state.isPresent() ? new SortedSetDocValuesFacetCounts(state.get(), fc) : null;
        for (SearchFacet f : SearchFacet.values()) {
            if (!wanted.contains(f)) {
                continue;
            }
            List<Map.Entry<String, Long>> values = new ArrayList<>();
            if (counts != null) {
                FacetResult r;
                try {
                    r = counts.getAllChildren(Fields.facetDim(f));
                } catch (IllegalArgumentException noSuchDim) {
                    r = null; // no document has a value for this facet yet
                }
                if (r != null) {
                    for (LabelAndValue lv : r.labelValues) {
                        if (lv.value.longValue() > 0) {
                            values.add(Map.entry(lv.label, lv.value.longValue()));
                        }
                    }
                }
            }
            values.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            Map<String, Long> ordered = new LinkedHashMap<>();
            values.forEach(e -> ordered.put(e.getKey(), e.getValue()));
            out.put(f, ordered);
        }
        return out;
    }

    /** The facet ordinals of a reader, built once per reader (it is costly) and dropped with it. */
    private Optional<SortedSetDocValuesReaderState> facetState(IndexReader reader) throws IOException {
        Optional<FacetState> cached = facetState;
        if (cached.isPresent() && cached.get().reader() == reader) {
            return cached.get().state();
        }
        Optional<SortedSetDocValuesReaderState> state;
        try {
            state = Optional.of(new DefaultSortedSetDocValuesReaderState(reader, LuceneDocuments.FACETS));
        } catch (IllegalArgumentException noFacetField) {
            state = Optional.empty(); // an empty index has no facet field at all
        }
        facetState = Optional.of(new FacetState(reader, state));
        return state;
    }

    private Map<Integer, String> snippets(IndexSearcher s, Query q, SearchQuery query, ScoreDoc[] docs, int shown)
            throws IOException {
        if (shown == 0) {
            return Map.of();
        }
        List<String> fields = new ArrayList<>();
        fields.add(Fields.snippetField(Fields.PUBLIC_TEXT));
        if (query.includeInternal()) {
            fields.add(Fields.snippetField(Fields.INTERNAL_TEXT));
        }
        int[] ids = new int[shown];
        for (int i = 0; i < shown; i++) {
            ids[i] = docs[i].doc;
        }
        int[] passages = new int[fields.size()];
        java.util.Arrays.fill(passages, 1);
        // the query matches a word in its stem, folded, compound and exact fields; all of them mark the stored text
        boolean internal = query.includeInternal();
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(s, TextAnalysis.analyzer())
                .withFieldMatcher(f -> marks(f, Fields.PUBLIC_TEXT) || internal && marks(f, Fields.INTERNAL_TEXT))
                .withWeightMatches(false) // term by term: a compound's parts as a phrase would mark a span of words
                .withFormatter(new Guillemets()).withMaxNoHighlightPassages(0).withMaxLength(100_000)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        java.text.BreakIterator.getWordInstance(java.util.Locale.ROOT), SNIPPET, 0.33f)).build();
        Map<String, String[]> found = highlighter.highlightFields(fields.toArray(String[]::new), q, ids, passages);
        Map<Integer, String> out = new java.util.HashMap<>();
        for (int i = 0; i < shown; i++) {
            for (String f : fields) {
                String[] values = found.get(f);
                // Lucene joins the values of a multi-valued field with U+0000
                String snippet = values == null || values[i] == null ? "" : values[i].replace('\u0000', ' ').strip();
                if (!snippet.isEmpty()) {
                    out.put(ids[i], snippet);
                    break;
                }
            }
        }
        return out;
    }

    /** Marks matches with guillemets; the text's own guillemets become single ones; no escaping (plain text). */
    private static final class Guillemets extends DefaultPassageFormatter {
        Guillemets() {
            super("«", "»", "… ", false);
        }

        @Override
        protected void append(StringBuilder dest, String content, int start, int end) {
            dest.append(InMemorySearchIndex.plain(content.substring(start, end))
                    .replace('\u2029', ' '));
        }
    }

    @Override
    public Optional<SearchDocument> document(TicketId ticket) {
        Require.nonNull(ticket, "ticket id");
        return read(s -> {
            TopDocs top = s.search(new TermQuery(new Term(Fields.ID, ticket.toString())), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            BytesRef b = s.storedFields().document(top.scoreDocs[0].doc).getBinaryValue(Fields.DOC);
            return Optional.of(DocumentCodec.decode(b.bytes, b.offset, b.length));
        });
    }

    @Override
    public List<TicketId> indexed() {
        return read(s -> {
            List<TicketId> ids = new ArrayList<>();
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                for (int i = 0; i < leaf.reader().maxDoc(); i++) {
                    if (live == null || live.get(i)) {
                        ids.add(TicketId.of(stored.document(i, Set.of(Fields.ID)).get(Fields.ID)));
                    }
                }
            }
            return ids;
        });
    }

    @Override
    public SearchHealth health() {
        long docs = read(s -> (long) s.getIndexReader().numDocs());
        return new SearchHealth(docs, lastCommit, Optional.empty(), pending.get());
    }

    /** Deleted documents still held in segment files (0 right after {@link #purge()}); for tests and monitoring. */
    public int deletedDocuments() {
        return read(s -> s.getIndexReader().numDeletedDocs());
    }

    // ------------------------------------------------------------------ lifecycle

    private void open() {
        if (closed.get()) {
            throw StoreProblems.searchClosed(where);
        }
    }

    /** Commits pending changes and releases the directory; later calls fail with {@code SEARCH_INDEX_CLOSED}. */
    @Override
    public void close() {
        synchronized (writeLock) {
            if (closed.get()) {
                return;
            }
            committer.ifPresent(ScheduledExecutorService::shutdownNow);
            try {
                commit();
                closed.set(true);
                searchers.close();
                writer.close();
                directory.close();
            } catch (IOException e) {
                throw StoreProblems.searchUnavailable("close", where, e);
            } finally {
                closed.set(true);
            }
        }
    }

    @Override
    public String toString() {
        return "LuceneSearchIndex[" + where + "]";
    }
}
