/**
 * The ticket-lifecycle benchmark of issue #5: open plus three transitions, each in its own
 * transaction, on Tiketti (JPA), plain JDBC (the limit) and two BPMN engines (the peers).
 */
package dev.tiketti.benchmarks.lifecycle;
