/**
 * Text analysis for the Lucene index (not API): analyzers, how texts become fields, how free text
 * becomes a query. The present {@code TextAnalysis} is a stand-in for the analysis helper's.
 */
@NullMarked
package dev.tiketti.search.internal.analysis;

import org.jspecify.annotations.NullMarked;
