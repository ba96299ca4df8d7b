/**
 * Contract tests (a compatibility kit) for SPI implementations: abstract JUnit 5 classes an
 * integrator extends once per SPI, implementing one factory method. Every adapter, including
 * core's in-memory reference implementations, must pass the same contracts.
 */
@NullMarked
package dev.tiketti.testkit.contract;

import org.jspecify.annotations.NullMarked;
