/**
 * Tickets, ticket types with custom fields, the timeline and the action history.
 */
@NullMarked
package dev.tiketti.core.ticket;

import org.jspecify.annotations.NullMarked;
