package dev.tiketti.core.search;

import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;

/** The messages of search queries; each names the value, the problem and the fix. Package-private: not API. */
final class SearchMessages {
    private SearchMessages() {
    }

    static TicketingException limitBelowOne(int limit) {
        return new TicketingException(ErrorCode.INVALID_QUERY, "A search's limit must be at least 1, was " + limit
                + ". Pass the number of hits wanted, e.g. SearchQuery.builder().limit(20), or leave the default "
                + SearchQuery.DEFAULT_LIMIT + ".");
    }

    static TicketingException noCriterion() {
        return new TicketingException(ErrorCode.ARGUMENT_MISSING, "A search needs at least one criterion: "
                + "SearchQuery.builder().text(...), .requesterEmail(...) or .classifiedUnder(...).");
    }
}
