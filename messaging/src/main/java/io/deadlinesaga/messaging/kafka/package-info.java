/** Kafka set-up shared by every service: the topic, the dead-letter topic and the listeners' error policy. */
package io.deadlinesaga.messaging.kafka;
