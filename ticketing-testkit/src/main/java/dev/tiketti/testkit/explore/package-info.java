/**
 * A workflow explorer: it runs a host's workflow on the real engine over every sequence of
 * transition attempts (and assignments and field entries) up to a depth, by breadth-first search
 * over what guards look at, checks invariants on each step and reports a shortest counterexample
 * as a readable path. For workflows too large to enumerate it also gives seeded random walks.
 */
@NullMarked
package dev.tiketti.testkit.explore;

import org.jspecify.annotations.NullMarked;
