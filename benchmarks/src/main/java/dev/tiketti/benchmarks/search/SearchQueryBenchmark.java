package dev.tiketti.benchmarks.search;

import dev.tiketti.core.search.SearchDocument;
import dev.tiketti.core.search.SearchQuery;
import dev.tiketti.search.LuceneSearch;
import dev.tiketti.search.LuceneSearchIndex;
import dev.tiketti.search.internal.analysis.TextAnalysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * S3, query latency over an index of {@code tickets} generated documents on disk: the mixed queries
 * of {@link SearchWorkload#queries} in turn (a word; an e-mail address; a team filter with a word
 * and state/team facets), top 20. {@code tiketti} runs {@code LuceneSearchIndex.search} (with total
 * count, snippets, cursor, facets as asked); {@code bare-lucene} runs the same text query built by
 * the same analysis, the term and filter queries and the facet counts by hand on the bare index,
 * without snippets or counts. {@code Mode.SampleTime} gives p50/p99.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SearchQueryBenchmark {
    @Param({"tiketti", "bare-lucene"})
    public String implementation;

    @Param({"10000"})
    public int tickets;

    List<SearchQuery> queries;
    Path dir;
    LuceneSearchIndex index;
    FSDirectory bareDirectory;
    DirectoryReader bareReader;
    IndexSearcher bareSearcher;
    DefaultSortedSetDocValuesReaderState bareFacets;

    @Setup(Level.Trial)
    public void build() throws IOException {
        queries = SearchWorkload.queries(999, tickets);
        dir = Files.createTempDirectory("tiketti-s3-");
        List<SearchDocument> docs = SearchWorkload.documents(tickets);
        if (implementation.equals("tiketti")) {
            index = LuceneSearch.builder().onDisk(dir).commitInterval(Duration.ZERO).build();
            docs.forEach(index::index);
            index.commit();
            index.search(queries.get(0)); // refresh the reader once, before measuring
            return;
        }
        bareDirectory = FSDirectory.open(dir);
        try (IndexWriter w = new IndexWriter(bareDirectory, new IndexWriterConfig(TextAnalysis.analyzer()))) {
            for (SearchDocument d : docs) {
                w.addDocument(SearchWorkload.bare(d));
            }
            w.commit();
        }
        bareReader = DirectoryReader.open(bareDirectory);
        bareSearcher = new IndexSearcher(bareReader);
        bareFacets = new DefaultSortedSetDocValuesReaderState(bareReader, SearchWorkload.BARE_FACETS);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        if (index != null) {
            index.close();
        } else {
            bareReader.close();
            bareDirectory.close();
        }
    }

    /** Which query a thread runs next. */
    @State(Scope.Thread)
    public static class Turn {
        int next;
    }

    @Benchmark
    public Object query(Turn turn) throws IOException {
        SearchQuery q = queries.get(turn.next);
        turn.next = (turn.next + 1) % queries.size();
        if (index != null) {
            return index.search(q);
        }
        return bare(q);
    }

    private Object bare(SearchQuery q) throws IOException {
        if (q.requesterEmail().isPresent()) {
            return bareSearcher.search(new TermQuery(new Term("email", q.requesterEmail().get())), 20);
        }
        Query text = TextAnalysis.parse(q.text(), Set.of("pub", "int"));
        if (q.teams().isEmpty()) {
            return bareSearcher.search(text, 20);
        }
        Query filtered = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term("team", q.teams().iterator().next().value())), BooleanClause.Occur.FILTER)
                .build();
        FacetsCollectorManager.FacetsResult r = FacetsCollectorManager.search(bareSearcher, filtered, 20,
                new FacetsCollectorManager());
        FacetsCollector fc = r.facetsCollector();
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(bareFacets, fc);
        TopDocs top = r.topDocs();
        return new Object[] {top, counts.getAllChildren("state"), counts.getAllChildren("team")};
    }
}
