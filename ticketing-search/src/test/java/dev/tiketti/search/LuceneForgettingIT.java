package dev.tiketti.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.Priority;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.privacy.Language;
import dev.tiketti.core.search.DocumentKind;
import dev.tiketti.core.search.SearchDocument;
import dev.tiketti.core.search.SearchQuery;
import dev.tiketti.core.search.SearchText;
import dev.tiketti.core.search.TextPart;
import dev.tiketti.core.ticket.StateCategory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forgetting, proven on the bytes (R8): after a ticket's document is redacted or removed and
 * {@code purge()} has run, no file of the index directory holds the person's name (or a prefix of
 * it), e-mail address, phone number or HETU. Each test first checks that the scan does find them
 * before, so that a pass means forgotten, not "never written in a findable form".
 */
@DisplayName("The Lucene index forgets on disk")
class LuceneForgettingIT {
    static final Instant AT = Instant.parse("2024-05-02T09:00:00Z");
    // invented person; the HETU is of the valid form but made up
    static final String NAME = "Virtanen";
    static final String EMAIL = "aino.virtanen@example.fi";
    static final String PHONE = "358409876543";
    static final String HETU = "131052-308T";
    /**
     * What a byte scan can find of them: the analysed terms (lower-case), a prefix of the name, the
     * address and the HETU as written. The capitalised name is not among them: stored fields are
     * LZ4-compressed, so it need not appear verbatim; {@link #storedTexts} reads those instead.
     */
    static final List<String> NEEDLES = List.of(NAME.toLowerCase(java.util.Locale.ROOT), "virtan", EMAIL, PHONE,
            HETU, "131052", "308t");

    @TempDir
    Path dir;

    static SearchDocument document(int n, List<String> emails, String subject, String body) {
        return new SearchDocument(new TicketId(new UUID(0xf0L, n)), new TicketKey("HR", n), DocumentKind.TICKET,
                "general", TeamId.of("hr"), "NEW", StateCategory.NEW, Optional.empty(), Channel.EMAIL, Priority.NORMAL,
                AT, AT, Optional.empty(), Optional.empty(), emails, Optional.of(Language.FI),
                List.of(SearchText.visible(TextPart.SUBJECT, subject), SearchText.visible(TextPart.ENTRY, body)));
    }

    static SearchDocument person() {
        return document(1, List.of(EMAIL), "Aino " + NAME + ": palkka puuttuu",
                "Hei, olen Aino " + NAME + " (" + EMAIL + "), puh. +" + PHONE + ", henkilötunnus " + HETU + ".");
    }

    static SearchDocument redacted() {
        return document(1, List.of(), "[nimi]: palkka puuttuu",
                "Hei, olen [nimi] ([sähköposti]), puh. [puhelin], henkilötunnus [hetu].");
    }

    /** Other tickets in the same segments, so that a purge has to rewrite segments, not drop them whole. */
    static void others(LuceneSearchIndex index, int from, int to) {
        for (int n = from; n <= to; n++) {
            index.index(document(n, List.of("eero.laine" + n + "@example.com"), "Työtodistus " + n,
                    "Tarvitsen työtodistuksen vuodelta 20" + (10 + n % 10) + "."));
        }
    }

    /**
     * Every stored text value of every document in the committed segments, deleted documents
     * included (live docs are ignored on purpose): what a forensic reader would decompress.
     */
    static List<String> storedTexts(Path dir) {
        List<String> texts = new ArrayList<>();
        try (org.apache.lucene.store.Directory d = org.apache.lucene.store.FSDirectory.open(dir);
             org.apache.lucene.index.DirectoryReader reader = org.apache.lucene.index.DirectoryReader.open(d)) {
            for (org.apache.lucene.index.LeafReaderContext leaf : reader.leaves()) {
                org.apache.lucene.index.StoredFields stored = leaf.reader().storedFields();
                for (int i = 0; i < leaf.reader().maxDoc(); i++) {
                    for (org.apache.lucene.index.IndexableField f : stored.document(i)) {
                        if (f.stringValue() != null) {
                            texts.add(f.stringValue());
                        } else if (f.binaryValue() != null) {
                            org.apache.lucene.util.BytesRef b = f.binaryValue();
                            // the codec writes strings as UTF-8 between binary numbers: decode leniently
                            texts.add(new String(b.bytes, b.offset, b.length, java.nio.charset.StandardCharsets.UTF_8));
                        }
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return texts;
    }

    LuceneSearchIndex open() {
        return LuceneSearch.builder().onDisk(dir).commitInterval(Duration.ZERO).build();
    }

    @Test
    @DisplayName("a redacted document leaves no name, prefix, e-mail, phone or HETU in any file after purge()")
    void redactedThenPurged() {
        try (LuceneSearchIndex index = open()) {
            others(index, 2, 20);
            index.index(person());
            others(index, 21, 40);
            index.commit();
            assertThat(RawBytes.find(dir, NEEDLES)).as("the scan finds what was written").isNotEmpty();
            for (String needle : NEEDLES) {
                assertThat(RawBytes.anyHolds(dir, needle)).as("before purge, some file holds %s", needle).isTrue();
            }

            index.index(redacted());
            index.commit();
            assertThat(storedTexts(dir)).as("the replaced document, deleted but still in its segment")
                    .anyMatch(t -> t.contains(NAME));
            index.purge();

            assertThat(RawBytes.find(dir, NEEDLES)).isEmpty();
            assertThat(storedTexts(dir)).noneMatch(t -> t.contains(NAME) || t.contains(HETU) || t.contains(EMAIL));
            assertThat(index.deletedDocuments()).isZero();
            assertThat(index.search(SearchQuery.text("virtanen OR 131052 OR 358409876543")).hits()).isEmpty();
            assertThat(index.search(SearchQuery.builder().requesterEmail(EMAIL).build()).hits()).isEmpty();
            assertThat(index.search(SearchQuery.text("palkka")).hits()).hasSize(1); // the redacted rest stays
            assertThat(index.search(SearchQuery.text("työtodistuksen")).total()).isEqualTo(39);
        }
        assertThat(RawBytes.find(dir, NEEDLES)).as("after close").isEmpty();
    }

    @Test
    @DisplayName("a removed document leaves nothing of the person in any file after purge(), also after reopening")
    void removedThenPurged() {
        try (LuceneSearchIndex index = open()) {
            others(index, 2, 10);
            index.index(person());
            index.commit();
            others(index, 11, 15); // a later segment, with the person's segment still live
            index.commit();
            assertThat(RawBytes.anyHolds(dir, HETU)).isTrue();

            assertThat(index.remove(person().ticketId())).isTrue();
            index.purge();

            assertThat(RawBytes.find(dir, NEEDLES)).isEmpty();
            assertThat(storedTexts(dir)).noneMatch(t -> t.contains(NAME) || t.contains(PHONE));
        }
        try (LuceneSearchIndex reopened = open()) {
            assertThat(reopened.document(person().ticketId())).isEmpty();
            assertThat(reopened.indexed()).hasSize(14);
            assertThat(RawBytes.find(dir, NEEDLES)).isEmpty();
        }
    }

    @Test
    @DisplayName("without purge() the old content is still on disk: the scan is not vacuous")
    void withoutPurgeItStays() {
        try (LuceneSearchIndex index = open()) {
            others(index, 2, 20);
            index.index(person());
            index.commit();
            index.index(redacted());
            index.commit();

            List<String> found = new ArrayList<>(RawBytes.find(dir, List.of(HETU, EMAIL)));
            assertThat(found).isNotEmpty();
            assertThat(index.deletedDocuments()).isEqualTo(1);
        }
    }
}
