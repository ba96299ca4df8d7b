/**
 * The Tiketti API: the {@link dev.tiketti.core.Ticketing} facade, ids, requests and the exception hierarchy.
 */
@NullMarked
package dev.tiketti.core;

import org.jspecify.annotations.NullMarked;
