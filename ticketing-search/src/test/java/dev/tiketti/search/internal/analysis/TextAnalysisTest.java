package dev.tiketti.search.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.privacy.Language;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TextAnalysisTest {
    static final List<String> TEXTS = List.of(
            "Vuosiloma siirtyy",                                    // 0 exact word
            "Sairastuin vuosilomalla, voiko päivät siirtää?",       // 1 inflected
            "Vuosilomapäivien määrä on väärin",                     // 2 compound starting with it
            "Lomakkeen lähetys epäonnistui",                        // 3 a form, not leave
            "Jag vill ta ut min semester i juli, lönen kom inte",   // 4 Swedish
            "Please send my payslip to maija.virtanen@example.fi",  // 5 English with an address
            "Kesälomalla en lue sähköpostia");                      // 6 compound with loma at the end
    static ByteBuffersDirectory dir;
    static DirectoryReader reader;
    static IndexSearcher searcher;

    @BeforeAll
    static void index() throws IOException {
        dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(TextAnalysis.analyzer()))) {
            for (int i = 0; i < TEXTS.size(); i++) {
                Document doc = new Document();
                doc.add(new StringField("id", Integer.toString(i), Field.Store.YES));
                TextAnalysis.addText(doc, "pub", TEXTS.get(i), Optional.empty());
                TextAnalysis.addText(doc, "int", "sisäinen muistiinpano " + i, Optional.of(Language.FI));
                w.addDocument(doc);
            }
        }
        reader = DirectoryReader.open(dir);
        searcher = new IndexSearcher(reader);
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        dir.close();
    }

    static List<Integer> find(String query, String... prefixes) throws IOException {
        List<Integer> ids = new ArrayList<>();
        for (ScoreDoc sd : searcher.search(TextAnalysis.parse(query, Set.of(prefixes)), 100).scoreDocs) {
            ids.add(Integer.parseInt(searcher.storedFields().document(sd.doc).get("id")));
        }
        return ids;
    }

    @Test
    @DisplayName("an exact word ranks above its inflection, which ranks above a compound found by prefix")
    void exactBeatsStemBeatsPrefix() throws IOException {
        assertThat(find("vuosiloma", "pub")).containsExactly(0, 1, 2);
    }

    @Test
    @DisplayName("a compound part finds the compound, but loma does not find lomake")
    void partsFindCompounds() throws IOException {
        assertThat(find("loma", "pub")).containsExactlyInAnyOrder(0, 1, 2, 6);
        assertThat(find("lomake", "pub")).containsExactly(3);
    }

    @Test
    @DisplayName("Swedish and English words find their inflections; an e-mail address finds itself")
    void otherLanguages() throws IOException {
        assertThat(find("semestern", "pub")).containsExactly(4);
        assertThat(find("lön", "pub")).containsExactly(4);
        assertThat(find("payslips", "pub")).containsExactly(5);
        assertThat(find("maija.virtanen@example.fi", "pub")).containsExactly(5);
        assertThat(find("maija.virtanen@example.com", "pub")).isEmpty();
    }

    @Test
    @DisplayName("only the given prefixes are searched")
    void prefixesLimitTheFields() throws IOException {
        assertThat(find("muistiinpano", "pub")).isEmpty();
        assertThat(find("muistiinpano", "int")).hasSize(TEXTS.size());
        assertThat(find("muistiinpano OR vuosiloma", "int", "pub")).hasSize(TEXTS.size());
    }

    @Test
    @DisplayName("a known language indexes only that language's stems; an unknown one is detected")
    void languageChoosesTheStemFields() {
        Document fi = new Document();
        TextAnalysis.addText(fi, "pub", "Jag vill ta ut min semester", Optional.of(Language.FI));
        assertThat(names(fi)).contains("pub.fi", "pub.exact", "pub.hl").doesNotContain("pub.sv", "pub.en");
        Document detected = new Document();
        TextAnalysis.addText(detected, "pub", "Jag vill ta ut min semester i juli och det är bra", Optional.empty());
        assertThat(names(detected)).contains("pub.sv").doesNotContain("pub.fi", "pub.en");
        Document tooShort = new Document();
        TextAnalysis.addText(tooShort, "pub", "palkka", Optional.empty());
        assertThat(names(tooShort)).contains("pub.fi", "pub.sv", "pub.en");
    }

    @Test
    @DisplayName("the highlight field is stored with offsets and marks stems and compound parts")
    void highlightFieldMarksWhatMatched() throws IOException {
        Document doc = new Document();
        TextAnalysis.addText(doc, "pub", "x", Optional.empty());
        IndexableField hl = doc.getField(TextAnalysis.highlightField("pub"));
        assertThat(hl.fieldType().stored()).isTrue();
        assertThat(hl.fieldType().indexOptions()).isEqualTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);

        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, TextAnalysis.analyzer())
                .withFieldMatcher(f -> f.startsWith("pub.")).build();
        Query q = TextAnalysis.parse("loma", Set.of("pub"));
        TopDocs top = searcher.search(q, 10);
        String[] snippets = highlighter.highlight(TextAnalysis.highlightField("pub"), q, top);
        assertThat(snippets).contains("Sairastuin <b>vuosilomalla</b>, voiko päivät siirtää?", "<b>Kesälomalla</b> en lue sähköpostia");
    }

    @Test
    @DisplayName("text with no searchable word matches nothing")
    void nothingToSearch() {
        assertThat(TextAnalysis.parse("  \"\" ( ) OR - ", Set.of("pub"))).isInstanceOf(MatchNoDocsQuery.class);
    }

    @Test
    @DisplayName("null arguments are rejected with their names")
    void nullsAreRejected() {
        assertThatThrownBy(() -> TextAnalysis.parse(null, Set.of("pub"))).isInstanceOf(TicketingException.class)
                .hasMessageContaining("userText must not be null");
        assertThatThrownBy(() -> TextAnalysis.addText(new Document(), "pub", null, Optional.empty()))
                .isInstanceOf(TicketingException.class).hasMessageContaining("text must not be null")
                .extracting(e -> ((TicketingException) e).code()).isEqualTo(ErrorCode.ARGUMENT_MISSING);
    }

    @Test
    @DisplayName("any string parses to a query that runs (property, random unicode)")
    void anyStringParsesAndRuns() {
        qt().withExamples(250).forAll(strings().allPossible().ofLengthBetween(0, 80))
                .checkAssert(s -> assertThat(runs(s)).isGreaterThanOrEqualTo(0));
    }

    @Test
    @DisplayName("any mix of operators, quotes, brackets and words parses to a query that runs (property)")
    void anySyntaxSoupParsesAndRuns() {
        qt().withExamples(300)
                .forAll(lists().of(arbitrary().pick("\"", "(", ")", "OR", "AND", "NOT", "-", "*", "|", "&&", ":", "@", " ",
                        "loma", "vuosilomalla", "ä", "maija.virtanen@example.fi", "~2", "+", "\\", "lön", "x*", "palkkalasklema"))
                        .ofSizeBetween(0, 60))
                .checkAssert(parts -> assertThat(runs(String.join(" ", parts) + String.join("", parts))).isGreaterThanOrEqualTo(0));
    }

    @Test
    @DisplayName("a very long query stays under Lucene's clause limit")
    void longQueriesStayUnderTheClauseLimit() {
        String words = String.join(" ", java.util.Collections.nCopies(300, "vuosilomalla palkkalaskelma"));
        assertThat(runs(words)).isZero();
        assertThat(runs("a".repeat(5000))).isZero();
    }

    static int runs(String text) {
        try {
            return searcher.count(TextAnalysis.parse(text, Set.of("pub", "int")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String> names(Document doc) {
        return doc.getFields().stream().map(IndexableField::name).toList();
    }
}
