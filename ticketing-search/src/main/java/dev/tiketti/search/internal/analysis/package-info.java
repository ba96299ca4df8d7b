/**
 * Text analysis for the Lucene index: Finnish, Swedish and English analyzer chains, a light
 * language detector, a dictionary compound splitter with consonant-gradation variants, and the
 * parser that turns a handler's free text into a Lucene query. Internal: may change any time.
 */
@NullMarked
package dev.tiketti.search.internal.analysis;

import org.jspecify.annotations.NullMarked;
