/**
 * The results of {@code ./saga bench}: the latest run's JSON as {@code ./saga bench} wrote it. The view only
 * reads the file; it takes no part in the bench.
 */
package io.deadlinesaga.sagaview.bench;
