/**
 * Implementation details; not API, may change without notice.
 */
@NullMarked
package dev.tiketti.core.internal;

import org.jspecify.annotations.NullMarked;
