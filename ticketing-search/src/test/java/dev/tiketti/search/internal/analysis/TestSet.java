package dev.tiketti.search.internal.analysis;

import dev.tiketti.core.privacy.Language;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The invented test set under {@code src/test/resources/testset}: tickets with relevance tags and
 * queries with relevance expressions over those tags, and the evaluation of one analysis on them.
 */
final class TestSet {
    static final String PREFIX = "pub";

    record Ticket(String id, String language, Set<String> tags, String subject, String body) {
        String text() {
            return subject + "\n" + body;
        }
    }

    record Judged(String category, String query, String expression, Set<String> relevant, Set<String> must, Set<String> not,
            Set<String> known) {
    }

    record Outcome(Judged query, Set<String> found) {
        Set<String> hits() {
            return found.stream().filter(query.relevant()::contains).collect(Collectors.toCollection(TreeSet::new));
        }

        double precision() {
            return found.isEmpty() ? (query.relevant().isEmpty() ? 1 : 0) : (double) hits().size() / found.size();
        }

        double recall() {
            return query.relevant().isEmpty() ? 1 : (double) hits().size() / query.relevant().size();
        }

        /** Average precision: the ranking's quality, mean of precision at each relevant hit's rank. */
        double averagePrecision() {
            if (query.relevant().isEmpty()) {
                return 1;
            }
            int rank = 0;
            int hits = 0;
            double sum = 0;
            for (String id : found) {
                rank++;
                if (query.relevant().contains(id)) {
                    hits++;
                    sum += (double) hits / rank;
                }
            }
            return sum / query.relevant().size();
        }

        Set<String> missedMust() {
            return query.must().stream().filter(id -> !found.contains(id)).collect(Collectors.toCollection(TreeSet::new));
        }

        Set<String> foundNot() {
            return query.not().stream().filter(found::contains).collect(Collectors.toCollection(TreeSet::new));
        }

        Set<String> falsePositives() {
            return found.stream().filter(id -> !query.relevant().contains(id)).collect(Collectors.toCollection(TreeSet::new));
        }

        Set<String> misses() {
            return query.relevant().stream().filter(id -> !found.contains(id)).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** Micro (over all query-ticket pairs) and macro (mean over queries) figures of one run. */
    record Summary(String label, List<Outcome> outcomes, long indexBytes) {
        double microPrecision() {
            int hits = outcomes.stream().mapToInt(o -> o.hits().size()).sum();
            int found = outcomes.stream().mapToInt(o -> o.found().size()).sum();
            return found == 0 ? 0 : (double) hits / found;
        }

        double microRecall() {
            int hits = outcomes.stream().mapToInt(o -> o.hits().size()).sum();
            int relevant = outcomes.stream().mapToInt(o -> o.query().relevant().size()).sum();
            return (double) hits / relevant;
        }

        double macroPrecision() {
            return outcomes.stream().mapToDouble(Outcome::precision).average().orElse(0);
        }

        double macroRecall() {
            return outcomes.stream().mapToDouble(Outcome::recall).average().orElse(0);
        }

        double meanAveragePrecision() {
            return outcomes.stream().mapToDouble(Outcome::averagePrecision).average().orElse(0);
        }

        double microF1() {
            double p = microPrecision();
            double r = microRecall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        long missedMust() {
            return outcomes.stream().mapToLong(o -> o.missedMust().size()).sum();
        }

        long foundNot() {
            return outcomes.stream().mapToLong(o -> o.foundNot().size()).sum();
        }

        /** The same figures over the queries of one category. */
        Summary only(String category) {
            return new Summary(label, outcomes.stream().filter(o -> o.query().category().equals(category)).toList(),
                    indexBytes);
        }

        List<String> categories() {
            return outcomes.stream().map(o -> o.query().category()).distinct().toList();
        }

        String row() {
            return String.format(Locale.ROOT, "| %-40s | %5.3f | %5.3f | %5.3f | %5.3f | %5.3f | %5.3f | %3d | %3d | %4d |",
                    label, microPrecision(), microRecall(), macroPrecision(), macroRecall(), microF1(),
                    meanAveragePrecision(), missedMust(), foundNot(), indexBytes / 1024);
        }

        static String header() {
            return "| strategy | micro P | micro R | macro P | macro R | micro F1 | MAP | must missed | must-not found | index KiB |\n"
                    + "|---|---|---|---|---|---|---|---|---|---|";
        }

        String table() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "%-32s | %5s | %5s | %3s | %3s | %s%n", "query", "P", "R", "rel", "got",
                    "misses / false positives"));
            for (Outcome o : outcomes) {
                b.append(String.format(Locale.ROOT, "%-32s | %5.2f | %5.2f | %3d | %3d | -%s +%s%n", o.query().query(),
                        o.precision(), o.recall(), o.query().relevant().size(), o.found().size(), o.misses(),
                        o.falsePositives()));
            }
            b.append(String.format(Locale.ROOT, "micro P %.3f R %.3f, macro P %.3f R %.3f over %d queries%n",
                    microPrecision(), microRecall(), macroPrecision(), macroRecall(), outcomes.size()));
            return b.toString();
        }
    }

    final List<Ticket> tickets;
    final List<Judged> queries;

    private TestSet(List<Ticket> tickets, List<Judged> queries) {
        this.tickets = tickets;
        this.queries = queries;
    }

    static TestSet load() {
        List<Ticket> tickets = new ArrayList<>();
        for (String file : List.of("tickets-fi-1.txt", "tickets-fi-2.txt", "tickets-sv-en.txt")) {
            for (String line : lines(file)) {
                String[] f = line.split("\\|", -1);
                if (f.length != 5) {
                    throw new IllegalStateException("not 5 fields in " + file + ": " + line);
                }
                tickets.add(new Ticket(f[0].trim(), f[1].trim(), Set.of(f[2].trim().split(",")), f[3].trim(), f[4].trim()));
            }
        }
        Map<String, String> families = new HashMap<>();
        List<Judged> queries = new ArrayList<>();
        String category = "";
        for (String line : lines("queries.txt")) {
            if (line.startsWith("## ")) {
                category = line.substring(3).trim();
                continue;
            }
            if (line.startsWith("@")) {
                String[] f = line.split("=", 2);
                families.put(f[0].trim(), f[1].trim());
                continue;
            }
            int arrow = line.lastIndexOf("=>");
            String query = line.substring(0, arrow).trim();
            String[] rest = line.substring(arrow + 2).split(";");
            String expression = rest[0].trim();
            for (Map.Entry<String, String> e : families.entrySet()) {
                expression = expression.replace(e.getKey(), e.getValue());
            }
            Set<String> must = Set.of();
            Set<String> not = Set.of();
            Set<String> known = Set.of();
            for (int i = 1; i < rest.length; i++) {
                String[] kv = rest[i].split(":", 2);
                Set<String> ids = Arrays.stream(kv[1].split(",")).map(String::trim).collect(Collectors.toSet());
                switch (kv[0].trim()) {
                    case "must" -> must = ids;
                    case "not" -> not = ids;
                    case "known" -> known = ids;
                    default -> throw new IllegalStateException("unknown option in queries.txt: " + line);
                }
            }
            String expr = expression;
            Set<String> relevant = tickets.stream().filter(t -> matches(expr, t.tags())).map(Ticket::id)
                    .collect(Collectors.toCollection(TreeSet::new));
            queries.add(new Judged(category, query, expr, relevant, must, not, known));
        }
        return new TestSet(List.copyOf(tickets), List.copyOf(queries));
    }

    /** {@code a|b&!c}: OR of ANDs of (possibly negated) tags. */
    static boolean matches(String expression, Set<String> tags) {
        for (String alternative : expression.split("\\|")) {
            boolean all = true;
            for (String factor : alternative.split("&")) {
                String f = factor.trim();
                boolean negated = f.startsWith("!");
                boolean has = tags.contains(negated ? f.substring(1) : f);
                all &= negated != has;
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static List<String> lines(String file) {
        try (InputStream in = TestSet.class.getResourceAsStream("/testset/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test set file " + file);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return r.lines().map(String::strip).filter(l -> !l.isEmpty() && (l.startsWith("## ") || !l.startsWith("#"))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why {@code id} matches {@code query} (for working on the analysis). */
    String explain(Analysis analysis, String query, String id) throws IOException {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analysis.analyzer()))) {
                for (Ticket t : tickets) {
                    if (t.id().equals(id)) {
                        Document doc = new Document();
                        analysis.addText(doc, PREFIX, t.text(), Optional.empty());
                        w.addDocument(doc);
                    }
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                return query + " / " + id + ": " + searcher.explain(analysis.parse(query, Set.of(PREFIX)), 0);
            }
        }
    }

    /** Indexes every ticket with {@code analysis} (language detected) and runs every query. */
    Summary run(String label, Analysis analysis) {
        return run(label, analysis, false);
    }

    /** As {@link #run(String, Analysis)}, with each ticket's language given when {@code knownLanguage}. */
    Summary run(String label, Analysis analysis, boolean knownLanguage) {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analysis.analyzer()))) {
                for (Ticket t : tickets) {
                    Document doc = new Document();
                    doc.add(new StringField("id", t.id(), Field.Store.YES));
                    analysis.addText(doc, PREFIX, t.text(), knownLanguage
                            ? Optional.of(Language.valueOf(t.language().toUpperCase(Locale.ROOT))) : Optional.empty());
                    w.addDocument(doc);
                }
            }
            long bytes = 0;
            for (String file : dir.listAll()) {
                bytes += dir.fileLength(file);
            }
            List<Outcome> outcomes = new ArrayList<>();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                for (Judged q : queries) {
                    Query query = analysis.parse(q.query(), Set.of(PREFIX));
                    Set<String> found = new LinkedHashSet<>();
                    for (ScoreDoc sd : searcher.search(query, tickets.size()).scoreDocs) {
                        found.add(searcher.storedFields().document(sd.doc).get("id"));
                    }
                    outcomes.add(new Outcome(q, found));
                }
            }
            return new Summary(label, outcomes, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
