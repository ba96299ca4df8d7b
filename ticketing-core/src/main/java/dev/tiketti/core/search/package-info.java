/**
 * Full-text search over tickets (R3): {@link dev.tiketti.core.search.SearchQuery} (by the requester's
 * e-mail address, by words of the matter, by classification) and the
 * {@link dev.tiketti.core.search.SearchDocument} an index holds per ticket. Run a query with
 * {@code Ticketing.search(...)}; adapters implement {@code dev.tiketti.core.spi.SearchIndex}.
 */
@NullMarked
package dev.tiketti.core.search;

import org.jspecify.annotations.NullMarked;
