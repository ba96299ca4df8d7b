/** The Lucene index's internals: field layout, document codec, query building, problems. Not API. */
@NullMarked
package dev.tiketti.search.internal;

import org.jspecify.annotations.NullMarked;
