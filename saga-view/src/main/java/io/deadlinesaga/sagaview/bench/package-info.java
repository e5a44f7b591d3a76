/**
 * The results of {@code ./saga bench} for people: the latest run's JSON as {@code ./saga bench} wrote it, and a
 * page that charts it (drawn in the browser, with nothing fetched from elsewhere: the machine may be offline).
 * The view only reads the file; it takes no part in the bench.
 */
package io.deadlinesaga.sagaview.bench;
