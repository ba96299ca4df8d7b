package dev.tiketti.core.search;

import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import java.time.Instant;

/**
 * The messages of search queries; each names the value, the problem and the fix, never the searched
 * text (it may hold names). Package-private: not API.
 */
final class SearchMessages {
    private SearchMessages() {
    }

    /** What is wrong with a free text. */
    enum Syntax {
        STRAY_CLOSE("a ')' without a matching '('"),
        OR_WITHOUT_LEFT("OR with nothing before it"),
        OR_WITHOUT_RIGHT("OR with nothing after it"),
        AND_WITHOUT_LEFT("AND with nothing before it"),
        AND_WITHOUT_RIGHT("AND with nothing after it"),
        OPEN_PARENTHESIS("a '(' that is never closed"),
        OPEN_QUOTE("a '\"' that is never closed");

        final String what;

        Syntax(String what) {
            this.what = what;
        }
    }

    static TicketingException syntax(int position, Syntax problem) {
        return new TicketingException(ErrorCode.SEARCH_SYNTAX_INVALID, "The search text has " + problem.what
                + " at position " + position + " (0-based). Words are ANDed by default; write OR between "
                + "alternatives, \"double quotes\" around phrases, and close every '(' and '\"'.");
    }

    static TicketingException limitOutOfRange(int limit) {
        return new TicketingException(ErrorCode.INVALID_QUERY, "A search's limit must be at least 1 and at most "
                + SearchQuery.MAX_LIMIT + ", was " + limit + ". Pass the page size wanted, e.g. "
                + "SearchQuery.builder().limit(20), leave the default " + SearchQuery.DEFAULT_LIMIT
                + ", and page on with after(result.next()).");
    }

    static TicketingException noCriterion() {
        return new TicketingException(ErrorCode.ARGUMENT_MISSING, "A search needs at least one criterion: "
                + "SearchQuery.builder().text(...), .requesterEmail(...), .classifiedUnder(...) or a filter "
                + "(.teams, .states, .stateCategories, .assignedTo, .unassigned, .types, .channels, .created, .updated).");
    }

    static TicketingException noKind() {
        return new TicketingException(ErrorCode.ARGUMENT_MISSING, "A search needs at least one document kind. "
                + "Leave kinds unset for tickets, or pass DocumentKind values.");
    }

    static TicketingException assigneeAndUnassigned() {
        return new TicketingException(ErrorCode.SEARCH_FILTER_INVALID, "A search cannot ask for tickets assigned to "
                + "an agent and for unassigned tickets at once. Use assignedTo(...) or unassigned(), not both.");
    }

    static TicketingException emptyRange(Instant from, Instant until) {
        return new TicketingException(ErrorCode.SEARCH_FILTER_INVALID, "A date range must start before it ends: from "
                + from + " (inclusive) is not before until " + until + " (exclusive). Swap or widen the bounds.");
    }

    static TicketingException relevanceAscending() {
        return new TicketingException(ErrorCode.INVALID_QUERY, "Relevance can only be sorted descending (most "
                + "relevant first). Use SearchSort.RELEVANCE, or sort by KEY, CREATED, UPDATED or SLA_DUE.");
    }
}
