/**
 * Seeded random generators of Tiketti's domain (workflows, ticket types, field values, tickets,
 * sequences of transition attempts) for property tests with any engine: they draw only from a
 * {@link java.util.random.RandomGenerator}, so a seed reproduces every value.
 */
@NullMarked
package dev.tiketti.testkit.generator;

import org.jspecify.annotations.NullMarked;
