package dev.tiketti.core.search;

import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.Classification;
import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.ticket.StateCategory;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A search for tickets (R3). Every present criterion must match: free {@code text} (see
 * {@link TextQuery} for AND/OR/"phrases"), the requester's e-mail address (whole, any case), and
 * each filter; a filter given several values matches any of them. At least one criterion or filter
 * is required. Build with {@link #builder()}.
 *
 * <p>Besides matching: {@code includeInternal} says whether the searcher is a handler (default) who
 * may match and see internal texts; a customer-facing search sets it false. {@code facets} are
 * counted over all hits; {@code sort} orders them (relevance by default); {@code limit} is the page
 * size; {@code after} is the cursor of the previous page ({@code next} of its result), which must come
 * from a search with the same sort.
 *
 * @param text       free text; empty means any
 * @param kinds      the document kinds wanted (tickets by default)
 * @param assignee   only tickets assigned to this agent
 * @param unassigned only tickets nobody is assigned to (cannot be combined with {@code assignee})
 * @param created    only tickets opened in this range
 * @param updated    only tickets last changed in this range
 * @since 0.1
 */
public record SearchQuery(Optional<String> requesterEmail, String text, Optional<Classification> classificationPrefix,
                          Set<DocumentKind> kinds, Set<TeamId> teams, Set<String> states,
                          Set<StateCategory> stateCategories, Optional<AgentId> assignee, boolean unassigned,
                          Set<String> typeIds, Set<Channel> channels, Optional<DateRange> created,
                          Optional<DateRange> updated, boolean includeInternal, Set<SearchFacet> facets,
                          SearchSort sort, int limit, Optional<String> after) {
    /** Hits per page unless {@link Builder#limit} says otherwise. */
    public static final int DEFAULT_LIMIT = 100;
    /** The largest page an index must serve; page further with {@code after}. */
    public static final int MAX_LIMIT = 10_000;

    public SearchQuery {
        requesterEmail = Require.nonNull(requesterEmail, "requester e-mail address")
                .map(e -> Require.notBlank(e, "requester e-mail address").strip().toLowerCase(Locale.ROOT));
        text = Require.nonNull(text, "text").strip();
        TextQuery parsed = TextQuery.parse(text); // fails early on malformed syntax
        Require.nonNull(classificationPrefix, "classification prefix");
        kinds = Set.copyOf(Require.listOf(kinds, "document kinds"));
        teams = Set.copyOf(Require.listOf(teams, "teams"));
        states = Set.copyOf(Require.listOf(states, "states"));
        stateCategories = Set.copyOf(Require.listOf(stateCategories, "state categories"));
        Require.nonNull(assignee, "assignee");
        typeIds = Set.copyOf(Require.listOf(typeIds, "type ids"));
        channels = Set.copyOf(Require.listOf(channels, "channels"));
        Require.nonNull(created, "created range");
        Require.nonNull(updated, "updated range");
        facets = Set.copyOf(Require.listOf(facets, "facets"));
        Require.nonNull(sort, "sort");
        Require.nonNull(after, "after cursor");
        Require.argument(!kinds.isEmpty(), SearchMessages::noKind);
        Require.argument(limit >= 1 && limit <= MAX_LIMIT, () -> SearchMessages.limitOutOfRange(limit));
        if (assignee.isPresent() && unassigned) {
            throw SearchMessages.assigneeAndUnassigned();
        }
        boolean anyFilter = !teams.isEmpty() || !states.isEmpty() || !stateCategories.isEmpty() || assignee.isPresent()
                || unassigned || !typeIds.isEmpty() || !channels.isEmpty() || created.isPresent() || updated.isPresent();
        if (requesterEmail.isEmpty() && parsed instanceof TextQuery.Empty && classificationPrefix.isEmpty() && !anyFilter) {
            throw SearchMessages.noCriterion();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A search for tickets whose texts match {@code text} (every word, by default). */
    public static SearchQuery text(String text) {
        return builder().text(text).build();
    }

    /** The free text, parsed (see {@link TextQuery} for the syntax). */
    public TextQuery textQuery() {
        return TextQuery.parse(text);
    }

    /** The words of the free text, lower-cased with {@link Locale#ROOT}, in order, without duplicates. */
    public List<String> words() {
        return textQuery().allWords();
    }

    /** Splits text into lower-case words: maximal runs of letters and digits; duplicates dropped. */
    public static List<String> words(String text) {
        return wordsInOrder(text).stream().distinct().toList();
    }

    /** Splits text into lower-case words, keeping repeats and order (phrases need them). */
    public static List<String> wordsInOrder(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        String lower = Require.nonNull(text, "text").toLowerCase(Locale.ROOT);
        for (int i = 0; i <= lower.length(); i++) {
            if (i < lower.length() && Character.isLetterOrDigit(lower.charAt(i))) {
                word.append(lower.charAt(i));
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        return words;
    }

    /** This query asking for the page after {@code cursor} (the {@code next} of the previous page). */
    public SearchQuery after(String cursor) {
        return new SearchQuery(requesterEmail, text, classificationPrefix, kinds, teams, states, stateCategories,
                assignee, unassigned, typeIds, channels, created, updated, includeInternal, facets, sort, limit,
                Optional.of(Require.notBlank(cursor, "after cursor")));
    }

    /** Builds a {@link SearchQuery}; each single-valued option replaces an earlier value, set options add. */
    public static final class Builder {
        private Optional<String> email = Optional.empty();
        private String text = "";
        private Optional<Classification> classification = Optional.empty();
        private final Set<DocumentKind> kinds = EnumSet.noneOf(DocumentKind.class);
        private final Set<TeamId> teams = new LinkedHashSet<>();
        private final Set<String> states = new LinkedHashSet<>();
        private final Set<StateCategory> categories = EnumSet.noneOf(StateCategory.class);
        private Optional<AgentId> assignee = Optional.empty();
        private boolean unassigned;
        private final Set<String> types = new LinkedHashSet<>();
        private final Set<Channel> channels = EnumSet.noneOf(Channel.class);
        private Optional<DateRange> created = Optional.empty();
        private Optional<DateRange> updated = Optional.empty();
        private boolean includeInternal = true;
        private final Set<SearchFacet> facets = EnumSet.noneOf(SearchFacet.class);
        private SearchSort sort = SearchSort.RELEVANCE;
        private int limit = DEFAULT_LIMIT;
        private Optional<String> after = Optional.empty();

        private Builder() {
        }

        /** Tickets whose requester has this address (any case). */
        public Builder requesterEmail(String value) {
            email = Optional.of(Require.notBlank(value, "requester e-mail address"));
            return this;
        }

        /** Tickets whose texts match {@code value} ({@link TextQuery} syntax; default operator AND). */
        public Builder text(String value) {
            text = Require.nonNull(value, "text");
            return this;
        }

        /** Tickets classified as {@code value} or beneath it. */
        public Builder classifiedUnder(Classification value) {
            classification = Optional.of(Require.nonNull(value, "classification"));
            return this;
        }

        /** Documents of these kinds (default: tickets only). */
        public Builder kinds(DocumentKind... values) {
            kinds.addAll(List.of(values));
            return this;
        }

        /** Tickets handled by one of these teams. */
        public Builder teams(TeamId... values) {
            teams.addAll(List.of(values));
            return this;
        }

        /** Tickets in one of these states (by name). */
        public Builder states(String... values) {
            states.addAll(List.of(values));
            return this;
        }

        /** Tickets whose state has one of these categories. */
        public Builder stateCategories(StateCategory... values) {
            categories.addAll(List.of(values));
            return this;
        }

        /** Tickets assigned to this agent. */
        public Builder assignedTo(AgentId value) {
            assignee = Optional.of(Require.nonNull(value, "assignee"));
            return this;
        }

        /** Tickets nobody is assigned to. */
        public Builder unassigned() {
            unassigned = true;
            return this;
        }

        /** Tickets of one of these types. */
        public Builder types(String... typeIds) {
            types.addAll(List.of(typeIds));
            return this;
        }

        /** Tickets that came in through one of these channels. */
        public Builder channels(Channel... values) {
            channels.addAll(List.of(values));
            return this;
        }

        /** Tickets opened in {@code range}. */
        public Builder created(DateRange range) {
            created = Optional.of(Require.nonNull(range, "created range"));
            return this;
        }

        /** Tickets last changed in {@code range}. */
        public Builder updated(DateRange range) {
            updated = Optional.of(Require.nonNull(range, "updated range"));
            return this;
        }

        /** A customer-facing search: internal texts neither match nor appear in snippets. */
        public Builder publicTextsOnly() {
            includeInternal = false;
            return this;
        }

        /** Count these facets over all hits. */
        public Builder facets(SearchFacet... values) {
            facets.addAll(List.of(values));
            return this;
        }

        /** Order of the hits (default {@link SearchSort#RELEVANCE}). */
        public Builder sort(SearchSort value) {
            sort = Require.nonNull(value, "sort");
            return this;
        }

        /** At most this many hits per page (default {@value SearchQuery#DEFAULT_LIMIT}, at most {@value SearchQuery#MAX_LIMIT}). */
        public Builder limit(int value) {
            limit = value;
            return this;
        }

        /** The page after {@code cursor}, the {@code next} of the previous page of the same search. */
        public Builder after(String cursor) {
            after = Optional.of(Require.notBlank(cursor, "after cursor"));
            return this;
        }

        public SearchQuery build() {
            Set<DocumentKind> k = kinds.isEmpty() ? EnumSet.of(DocumentKind.TICKET) : kinds;
            return new SearchQuery(email, text, classification, k, teams, states, categories, assignee, unassigned,
                    types, channels, created, updated, includeInternal, facets, sort, limit, after);
        }
    }
}
