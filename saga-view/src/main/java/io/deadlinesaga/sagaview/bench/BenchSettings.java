package io.deadlinesaga.sagaview.bench;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param results the latest results of {@code ./saga bench}, which writes them under the data folder the
 *        launcher gives every process ({@code SAGA_DATA_DIR})
 */
@ConfigurationProperties("saga.bench")
public record BenchSettings(Path results) {
}
