/**
 * The wire contract: one record per event of the saga, the envelope every event carries, and the mapping
 * between the names on the wire and the records. Facts only: no entities, no behaviour.
 */
package io.deadlinesaga.messaging.event;
