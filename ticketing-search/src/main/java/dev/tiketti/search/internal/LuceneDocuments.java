package dev.tiketti.search.internal;

import dev.tiketti.core.common.Classification;
import dev.tiketti.core.search.SearchDocument;
import dev.tiketti.core.search.SearchFacet;
import dev.tiketti.core.search.SearchText;
import dev.tiketti.core.ticket.Visibility;
import dev.tiketti.search.internal.analysis.TextAnalysis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;

/**
 * Turns a {@link SearchDocument} into a Lucene document: keyword fields for filters, doc values
 * for sorting, sorted-set facet fields, the analysed texts (public and internal under their own
 * prefixes) and the whole document in one binary stored field. Not API.
 */
public final class LuceneDocuments {
    /** The facet configuration: classification paths are multi-valued (a path and its parents). */
    public static final FacetsConfig FACETS = facets();

    private LuceneDocuments() {
    }

    private static FacetsConfig facets() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(Fields.facetDim(SearchFacet.CLASSIFICATION), true);
        return config;
    }

    public static Document toLucene(SearchDocument d) {
        Document doc = new Document();
        doc.add(new StringField(Fields.ID, d.ticketId().toString(), Field.Store.YES));
        doc.add(new StoredField(Fields.DOC, new BytesRef(DocumentCodec.encode(d))));
        doc.add(new StringField(Fields.KIND, d.kind().name(), Field.Store.NO));
        doc.add(new StringField(Fields.TYPE, d.typeId(), Field.Store.NO));
        doc.add(new StringField(Fields.TEAM, d.team().value(), Field.Store.NO));
        doc.add(new StringField(Fields.STATE, d.state(), Field.Store.NO));
        doc.add(new StringField(Fields.CATEGORY, d.stateCategory().name(), Field.Store.NO));
        String assignee = d.assignee().map(a -> a.value()).orElse(SearchFacet.UNASSIGNED);
        doc.add(new StringField(Fields.ASSIGNEE, assignee, Field.Store.NO));
        doc.add(new StringField(Fields.CHANNEL, d.channel().name(), Field.Store.NO));
        d.requesterEmails().forEach(e -> doc.add(new StringField(Fields.EMAIL, e, Field.Store.NO)));
        for (String path : paths(d)) {
            doc.add(new StringField(Fields.CLASSIFICATION, path, Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(Fields.facetDim(SearchFacet.CLASSIFICATION), path));
        }
        date(doc, Fields.CREATED, d.createdAt());
        date(doc, Fields.UPDATED, d.updatedAt());
        doc.add(new NumericDocValuesField(Fields.SLA_DUE, d.slaDue().map(Instant::toEpochMilli).orElse(Long.MAX_VALUE)));
        doc.add(new SortedDocValuesField(Fields.KEY_PREFIX, new BytesRef(d.key().prefix())));
        doc.add(new NumericDocValuesField(Fields.KEY_NUMBER, d.key().number()));
        doc.add(new SortedSetDocValuesFacetField(Fields.facetDim(SearchFacet.STATE), d.state()));
        doc.add(new SortedSetDocValuesFacetField(Fields.facetDim(SearchFacet.STATE_CATEGORY), d.stateCategory().name()));
        doc.add(new SortedSetDocValuesFacetField(Fields.facetDim(SearchFacet.ASSIGNEE), assignee));
        doc.add(new SortedSetDocValuesFacetField(Fields.facetDim(SearchFacet.TEAM), d.team().value()));
        for (SearchText t : d.texts()) {
            String prefix = t.visibility() == Visibility.PUBLIC ? Fields.PUBLIC_TEXT : Fields.INTERNAL_TEXT;
            TextAnalysis.addText(doc, prefix, t.text(), d.language());
            doc.add(new Field(Fields.snippetField(prefix), t.text(), SNIPPET));
        }
        try {
            return FACETS.build(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // building facet fields reads nothing
        }
    }

    /** Stored, with offsets in the postings: what snippets are cut from and marked in. */
    private static final org.apache.lucene.document.FieldType SNIPPET = snippetType();

    private static org.apache.lucene.document.FieldType snippetType() {
        org.apache.lucene.document.FieldType type = new org.apache.lucene.document.FieldType();
        type.setTokenized(true);
        type.setStored(true);
        type.setIndexOptions(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    /** The classification's path and every path above it. */
    static List<String> paths(SearchDocument d) {
        List<String> paths = new ArrayList<>();
        d.classification().map(Classification::segments).ifPresent(s -> {
            for (int i = 1; i <= s.size(); i++) {
                paths.add(String.join("/", s.subList(0, i)));
            }
        });
        return paths;
    }

    private static void date(Document doc, String field, Instant at) {
        doc.add(new NumericDocValuesField(field, at.toEpochMilli()));
        doc.add(new LongPoint(field + Fields.POINT, at.toEpochMilli()));
    }
}
