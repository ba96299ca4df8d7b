/**
 * In-memory reference implementations of the SPIs, for tests, examples and small hosts.
 */
@NullMarked
package dev.tiketti.core.inmemory;

import org.jspecify.annotations.NullMarked;
