/**
 * Tiketti's Apache Lucene search index: Finnish, Swedish and English analysis, facets, highlighted
 * snippets, and forgetting on erasure. Entry point: {@code LuceneSearch}.
 */
@NullMarked
package dev.tiketti.search;

import org.jspecify.annotations.NullMarked;
