package dev.tiketti.search.internal;

/** Field names of the Lucene index, in one place. Not API. */
public final class Fields {
    public static final String ID = "id";
    public static final String DOC = "doc";
    public static final String KIND = "kind";
    public static final String TYPE = "type";
    public static final String TEAM = "team";
    public static final String STATE = "state";
    public static final String CATEGORY = "category";
    public static final String ASSIGNEE = "assignee";
    public static final String CHANNEL = "channel";
    public static final String EMAIL = "email";
    public static final String CLASSIFICATION = "class";
    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String SLA_DUE = "sla_due";
    public static final String KEY_PREFIX = "key_prefix";
    public static final String KEY_NUMBER = "key_number";
    /** Suffix of the point field beside a date's doc values, for range filters. */
    public static final String POINT = "_pt";
    public static final String PUBLIC_TEXT = "pub";
    public static final String INTERNAL_TEXT = "int";
    /** Commit user data: when the commit was made (ISO-8601 instant). */
    public static final String COMMITTED_AT = "tiketti.committedAt";
    /** Commit user data: the change-log position the committed content reflects. */
    public static final String FOLLOWED = "tiketti.followed";

    private Fields() {
    }

    /** The facet dimension of a {@code SearchFacet}. */
    public static String facetDim(dev.tiketti.core.search.SearchFacet facet) {
        return "f_" + facet.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The field a prefix's snippets are cut from: the texts word by word (lower-cased, no variants),
     * so a match marks exactly its own word.
     */
    public static String snippetField(String prefix) {
        return prefix + ".plain";
    }
}
