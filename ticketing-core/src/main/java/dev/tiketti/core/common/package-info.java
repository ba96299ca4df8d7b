/**
 * Tickets, ticket types with custom fields, the timeline and the action history.
 */
@NullMarked
package dev.tiketti.core.common;

import org.jspecify.annotations.NullMarked;
