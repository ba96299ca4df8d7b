/**
 * Contract tests (a compatibility kit) for SPI implementations: abstract JUnit 5 classes an
 * integrator extends. The documented way is one subclass of {@link
 * dev.tiketti.testkit.contract.StorageContract} for a whole storage adapter, which runs the
 * contract of every store it provides and of its units of work; the per-SPI contracts stay public
 * for a store proven alone, and the search index has its own. Every adapter, including core's
 * in-memory reference implementations, must pass the same contracts.
 */
@NullMarked
package dev.tiketti.testkit.contract;

import org.jspecify.annotations.NullMarked;
