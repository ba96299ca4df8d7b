/**
 * Entities, mapping and store implementations of the JPA adapter. Not API; may change without notice.
 */
@NullMarked
package dev.tiketti.jpa.internal;

import org.jspecify.annotations.NullMarked;
