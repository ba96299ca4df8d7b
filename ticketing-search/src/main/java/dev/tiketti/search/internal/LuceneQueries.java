package dev.tiketti.search.internal;

import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.search.DateRange;
import dev.tiketti.core.search.SearchQuery;
import dev.tiketti.core.search.SearchSort;
import dev.tiketti.core.search.TextQuery;
import dev.tiketti.core.spi.SearchCursor;
import dev.tiketti.search.internal.analysis.TextAnalysis;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/** Translates a {@link SearchQuery} into a Lucene query, sort and keyset position. Not API. */
public final class LuceneQueries {
    private LuceneQueries() {
    }

    /** The text prefixes a searcher may match: internal texts only for handlers. */
    public static Set<String> prefixes(SearchQuery q) {
        return q.includeInternal() ? Set.of(Fields.PUBLIC_TEXT, Fields.INTERNAL_TEXT) : Set.of(Fields.PUBLIC_TEXT);
    }

    public static boolean hasText(SearchQuery q) {
        return !(q.textQuery() instanceof TextQuery.Empty);
    }

    public static Query query(SearchQuery q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (hasText(q)) {
            b.add(TextAnalysis.parse(q.text(), prefixes(q)), BooleanClause.Occur.MUST);
        } else {
            b.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        }
        filter(b, Fields.KIND, q.kinds(), Enum::name);
        q.requesterEmail().ifPresent(e -> b.add(new TermQuery(new Term(Fields.EMAIL, e)), BooleanClause.Occur.FILTER));
        q.classificationPrefix().ifPresent(c -> b.add(new TermQuery(new Term(Fields.CLASSIFICATION, c.path())),
                BooleanClause.Occur.FILTER));
        filter(b, Fields.TEAM, q.teams(), t -> t.value());
        filter(b, Fields.STATE, q.states(), s -> s);
        filter(b, Fields.CATEGORY, q.stateCategories(), Enum::name);
        q.assignee().ifPresent(a -> b.add(new TermQuery(new Term(Fields.ASSIGNEE, a.value())), BooleanClause.Occur.FILTER));
        if (q.unassigned()) {
            b.add(new TermQuery(new Term(Fields.ASSIGNEE, dev.tiketti.core.search.SearchFacet.UNASSIGNED)),
                    BooleanClause.Occur.FILTER);
        }
        filter(b, Fields.TYPE, q.typeIds(), s -> s);
        filter(b, Fields.CHANNEL, q.channels(), Enum::name);
        q.created().ifPresent(r -> b.add(range(Fields.CREATED, r), BooleanClause.Occur.FILTER));
        q.updated().ifPresent(r -> b.add(range(Fields.UPDATED, r), BooleanClause.Occur.FILTER));
        return b.build();
    }

    private static <T> void filter(BooleanQuery.Builder b, String field, Collection<T> values, Function<T, String> name) {
        if (values.isEmpty()) {
            return;
        }
        Set<BytesRef> terms = new LinkedHashSet<>();
        values.forEach(v -> terms.add(new BytesRef(name.apply(v))));
        b.add(new TermInSetQuery(field, terms), BooleanClause.Occur.FILTER);
    }

    private static Query range(String field, DateRange r) {
        long from = r.from().map(LuceneQueries::ceilMillis).orElse(Long.MIN_VALUE);
        long until = r.until().map(LuceneQueries::ceilMillis).map(u -> u - 1).orElse(Long.MAX_VALUE);
        return LongPoint.newRangeQuery(field + Fields.POINT, from, until);
    }

    /** Indexed dates are whole milliseconds: an instant within a millisecond rounds up. */
    private static long ceilMillis(Instant at) {
        long ms = at.toEpochMilli();
        return at.getNano() % 1_000_000 == 0 ? ms : ms + 1;
    }

    private static SortField keyPrefix(boolean reverse) {
        return new SortField(Fields.KEY_PREFIX, SortField.Type.STRING, reverse);
    }

    private static SortField keyNumber(boolean reverse) {
        return new SortField(Fields.KEY_NUMBER, SortField.Type.LONG, reverse);
    }

    public static Sort sort(SearchSort s) {
        return switch (s.field()) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, keyPrefix(false), keyNumber(false));
            case KEY -> new Sort(keyPrefix(s.descending()), keyNumber(s.descending()));
            case CREATED -> new Sort(new SortField(Fields.CREATED, SortField.Type.LONG, s.descending()), keyPrefix(false),
                    keyNumber(false));
            case UPDATED -> new Sort(new SortField(Fields.UPDATED, SortField.Type.LONG, s.descending()), keyPrefix(false),
                    keyNumber(false));
            case SLA_DUE -> new Sort(new SortField(Fields.SLA_DUE, SortField.Type.LONG, s.descending()), keyPrefix(false),
                    keyNumber(false));
        };
    }

    /** The keyset position as Lucene's {@code searchAfter} wants it; its doc id is the caller's to set. */
    public static Optional<FieldDoc> after(SearchQuery q) {
        return q.after().map(c -> {
            SearchCursor cursor = SearchCursor.decode(c, q.sort());
            BytesRef prefix = new BytesRef(cursor.key().prefix());
            Long number = cursor.key().number();
            Object[] fields = switch (q.sort().field()) {
                case RELEVANCE -> new Object[] {cursor.score(), prefix, number};
                case KEY -> new Object[] {prefix, number};
                default -> new Object[] {cursor.value(), prefix, number};
            };
            return new FieldDoc(Integer.MAX_VALUE, q.sort().field() == SearchSort.Field.RELEVANCE ? cursor.score()
                    : Float.NaN, fields);
        });
    }

    /** The cursor after a hit, from its sort values. */
    public static SearchCursor cursorOf(SearchSort sort, FieldDoc hit) {
        Object[] f = hit.fields;
        TicketKey key = new TicketKey(((BytesRef) f[f.length - 2]).utf8ToString(), (Long) f[f.length - 1]);
        long value = switch (sort.field()) {
            case RELEVANCE -> Float.floatToIntBits((Float) f[0]);
            case KEY -> 0L;
            default -> (Long) f[0];
        };
        return new SearchCursor(sort, value, key);
    }

    /** The ticket key from a hit's sort values (every sort ends with the key). */
    public static TicketKey keyOf(FieldDoc hit) {
        Object[] f = hit.fields;
        return new TicketKey(((BytesRef) f[f.length - 2]).utf8ToString(), (Long) f[f.length - 1]);
    }
}
