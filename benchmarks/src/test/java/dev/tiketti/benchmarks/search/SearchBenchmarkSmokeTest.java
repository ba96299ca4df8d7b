package dev.tiketti.benchmarks.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.search.SearchDocument;
import dev.tiketti.core.search.SearchQuery;
import dev.tiketti.core.spi.SearchResult;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The S1/S3 contenders do the same work: same documents built, same hits counted for the same queries. */
class SearchBenchmarkSmokeTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("the workload is about 2 KB of text per ticket, and both indexes find the same number of hits")
    void sameWork() throws Exception {
        List<SearchDocument> docs = SearchWorkload.documents(300);
        assertThat(docs.stream().mapToInt(d -> d.texts().stream().mapToInt(t -> t.text().length()).sum()).average()
                .orElseThrow()).isBetween(1900.0, 2300.0);

        SearchQueryBenchmark tiketti = run("tiketti", 300);
        SearchQueryBenchmark bare = run("bare-lucene", 300);
        try {
            for (SearchQuery q : tiketti.queries.subList(0, 30)) {
                SearchResult ours = (SearchResult) tiketti.query(turnAt(tiketti, q));
                Object theirs = bare.query(turnAt(bare, q));
                TopDocs top = theirs instanceof TopDocs t ? t : (TopDocs) ((Object[]) theirs)[0];
                assertThat(ours.total()).as("%s", q.text()).isEqualTo(top.totalHits.value);
                assertThat(ours.hits()).hasSize((int) Math.min(20, top.totalHits.value));
            }
        } finally {
            tiketti.close();
            bare.close();
        }
    }

    static SearchQueryBenchmark run(String implementation, int tickets) throws Exception {
        SearchQueryBenchmark b = new SearchQueryBenchmark();
        b.implementation = implementation;
        b.tickets = tickets;
        b.build();
        return b;
    }

    static SearchQueryBenchmark.Turn turnAt(SearchQueryBenchmark b, SearchQuery q) {
        SearchQueryBenchmark.Turn t = new SearchQueryBenchmark.Turn();
        t.next = b.queries.indexOf(q);
        return t;
    }
}
