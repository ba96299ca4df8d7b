/** S1 (index build) and S3 (query latency) of the Lucene search index against bare Lucene. */
package dev.tiketti.benchmarks.search;
