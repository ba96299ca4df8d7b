/**
 * Domain events delivered to listeners after commit.
 */
@NullMarked
package dev.tiketti.core.event;

import org.jspecify.annotations.NullMarked;
