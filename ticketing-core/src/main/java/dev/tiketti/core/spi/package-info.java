/**
 * Interfaces that storage, transport and host adapters implement; each names its contract test in the testkit.
 */
@NullMarked
package dev.tiketti.core.spi;

import org.jspecify.annotations.NullMarked;
