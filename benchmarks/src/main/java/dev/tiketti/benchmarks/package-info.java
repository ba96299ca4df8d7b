/** JMH benchmarks; each compares Tiketti with a baseline or a peer in the same run. */
package dev.tiketti.benchmarks;
