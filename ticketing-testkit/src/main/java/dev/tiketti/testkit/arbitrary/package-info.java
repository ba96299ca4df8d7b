/**
 * jqwik arbitraries for property tests of workflows, ticket types, field values, tickets and
 * sequences of transition attempts.
 */
@NullMarked
package dev.tiketti.testkit.arbitrary;

import org.jspecify.annotations.NullMarked;
