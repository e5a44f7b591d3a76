package io.deadlinesaga.messaging.event;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns events into the flat JSON of the wire contract and back. Money and points are decimals on both
 * sides; a record that is not valid JSON, names no known event type or lacks a field is refused with
 * {@link UnreadableEventException}, which is never worth retrying.
 */
public final class EventCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .addModule(new PlainDecimals())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public String toJson(SagaEvent event) {
        return mapper.writeValueAsString(event);
    }

    /**
     * The event type a record names: its {@code type} header when present, else the JSON's {@code eventType}.
     * Empty when the name is not one of the contract's.
     */
    public Optional<EventType> typeOf(byte[] typeHeader, String json) {
        if (typeHeader != null) {
            return EventType.fromWireName(new String(typeHeader, StandardCharsets.UTF_8));
        }
        JsonNode eventType = readTree(json).get("eventType");
        if (eventType == null || !eventType.isString()) {
            throw new UnreadableEventException("record has neither a type header nor an eventType field");
        }
        return EventType.fromWireName(eventType.asString());
    }

    public SagaEvent fromJson(EventType type, String json) {
        if (json == null) {
            throw new UnreadableEventException("record has no value");
        }
        try {
            return mapper.readValue(json, type.javaType());
        }
        catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
            throw new UnreadableEventException("not a valid " + type.wireName() + ": " + ex.getMessage(), ex);
        }
    }

    private JsonNode readTree(String json) {
        if (json == null) {
            throw new UnreadableEventException("record has no value");
        }
        try {
            return mapper.readTree(json);
        }
        catch (JacksonException ex) {
            throw new UnreadableEventException("not JSON: " + ex.getOriginalMessage(), ex);
        }
    }
}
