package dev.tiketti.benchmarks.search;

import dev.tiketti.core.search.SearchDocument;
import dev.tiketti.search.LuceneSearch;
import dev.tiketti.search.LuceneSearchIndex;
import dev.tiketti.search.internal.analysis.TextAnalysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
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
 * S1, building the index: {@code tickets} generated documents (about 2 KB of text each) written
 * into a fresh directory on disk and committed, by {@code LuceneSearchIndex.index} one at a time
 * (default commit batching, no background thread) against bare Lucene {@code addDocument} of the
 * same content with the same analysis, in the same run (and against Tiketti reading each document
 * back at once, which forces a reader refresh per write). One operation builds the whole index; the
 * score is seconds per build (documents per second = tickets / score).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class SearchBuildBenchmark {
    /**
     * {@code tiketti-read-after-write} reads each document back right after writing it, which makes
     * every write pay a reader refresh: the cost the index's refresh-on-next-read avoids for bulk
     * writes, and what refreshing after every write would cost.
     */
    @Param({"tiketti", "tiketti-read-after-write", "bare-lucene"})
    public String implementation;

    /** 1 000 000 on request only: {@code -p tickets=1000000}. */
    @Param({"10000"})
    public int tickets;

    List<SearchDocument> documents;
    Path dir;

    @Setup(Level.Trial)
    public void generate() {
        documents = SearchWorkload.documents(tickets);
    }

    @Setup(Level.Iteration)
    public void freshDirectory() throws IOException {
        dir = Files.createTempDirectory("tiketti-s1-");
    }

    @TearDown(Level.Iteration)
    public void deleteDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public int build() throws IOException {
        if (implementation.startsWith("tiketti")) {
            boolean readBack = implementation.equals("tiketti-read-after-write");
            try (LuceneSearchIndex index = LuceneSearch.builder().onDisk(dir).commitInterval(Duration.ZERO).build()) {
                for (SearchDocument d : documents) {
                    index.index(d);
                    if (readBack) {
                        index.document(d.ticketId());
                    }
                }
                index.commit();
                return (int) index.health().documents();
            }
        }
        try (FSDirectory d = FSDirectory.open(dir);
             IndexWriter w = new IndexWriter(d, new IndexWriterConfig(TextAnalysis.analyzer()))) {
            for (SearchDocument doc : documents) {
                w.addDocument(SearchWorkload.bare(doc));
            }
            w.commit();
            return w.getDocStats().numDocs;
        }
    }
}
