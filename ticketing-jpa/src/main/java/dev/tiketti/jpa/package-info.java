/**
 * Jakarta Persistence storage for Tiketti: {@link dev.tiketti.jpa.JpaStorage} provides every store
 * and the transactions for {@code Ticketing.builder()}.
 */
@NullMarked
package dev.tiketti.jpa;

import org.jspecify.annotations.NullMarked;
