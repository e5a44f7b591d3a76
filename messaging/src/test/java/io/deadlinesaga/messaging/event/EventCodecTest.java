package io.deadlinesaga.messaging.event;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static io.deadlinesaga.messaging.event.EventFixtures.aPointUsed;
import static io.deadlinesaga.messaging.event.EventFixtures.anExchangeSucceed;
import static io.deadlinesaga.messaging.event.EventFixtures.anOrderCreated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private static final String EVERY_EVENT = "io.deadlinesaga.messaging.event.EventFixtures#everyEvent";

    /** Reads and rewrites test JSON without turning its decimals into doubles. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private final EventCodec codec = new EventCodec();

    @ParameterizedTest(name = "{0}")
    @MethodSource(EVERY_EVENT)
    void roundTripsEveryEventTypeExactly(SagaEvent event) {
        // given
        String json = codec.toJson(event);

        // when
        SagaEvent read = codec.fromJson(EventType.of(event.getClass()), json);

        // then
        assertThat(read).isInstanceOf(event.getClass());
        assertThat(read).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(EVERY_EVENT)
    void writesTheEventTypeFirstAndThenTheEnvelope(SagaEvent event) {
        // when
        JsonNode json = JSON.readTree(codec.toJson(event));

        // then
        assertThat(json.propertyNames()).startsWith("eventType", "eventId", "orderId", "timestamp");
        assertThat(json.get("eventType").asString()).isEqualTo(EventType.of(event.getClass()).wireName());
        assertThat(json.get("eventId").asString()).isEqualTo(event.eventId()).isNotBlank();
        assertThat(json.get("orderId").asLong()).isEqualTo(event.orderId());
        assertThat(json.get("timestamp").asLong()).isEqualTo(event.timestamp());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(EVERY_EVENT)
    void writesFlatJsonWithOnePropertyPerField(SagaEvent event) {
        // given
        List<String> fields = new ArrayList<>(List.of("eventType"));
        fields.addAll(componentNames(event));

        // when
        JsonNode json = JSON.readTree(codec.toJson(event));

        // then
        assertThat(json.propertyNames()).containsExactlyInAnyOrderElementsOf(fields);
        assertThat(json.properties()).allSatisfy(property ->
                assertThat(property.getValue().isValueNode()).as(property.getKey()).isTrue());
    }

    @Test
    void keepsOneTenthExactlyOneTenth() {
        // given
        PointUsed event = PointUsed.of(7, "jjy", new BigDecimal("0.1"), new BigDecimal("0.2"));

        // when
        String json = codec.toJson(event);
        PointUsed read = (PointUsed) codec.fromJson(EventType.POINT_USED, json);

        // then
        assertThat(json).contains("\"point\":0.1,").contains("\"balance\":0.2");
        assertThat(read.point()).isEqualTo(new BigDecimal("0.1"));
        assertThat(read.balance()).isEqualTo(new BigDecimal("0.2"));
    }

    @Test
    void keepsMoreDigitsThanADoubleCanHold() {
        // given
        BigDecimal amount = new BigDecimal("12345678901234567890.123456789");
        OrderCreated event = OrderCreated.of(7, "jjy", 1, amount, 1_000);

        // when
        OrderCreated read = (OrderCreated) codec.fromJson(EventType.ORDER_CREATED, codec.toJson(event));

        // then
        assertThat(read.amount()).isEqualTo(amount);
    }

    @Test
    void writesDecimalsWithoutExponents() {
        // given
        ExchangeSucceed event = ExchangeSucceed.of(7, "jjy", 1, new BigDecimal("5E+2"), new BigDecimal("1E-7"),
                new BigDecimal("0.00005"));

        // when
        String json = codec.toJson(event);

        // then
        assertThat(json).contains("\"amount\":500,", "\"rate\":0.0000001,", "\"point\":0.00005")
                .doesNotContainPattern(":-?\\d+(\\.\\d+)?[eE]");
    }

    @Test
    void readsAnOrderCreatedAsTheContractWritesIt() {
        // given
        String json = """
                {"eventType":"OrderCreated","eventId":"2b6c5c1e-8f34-4a57-9f0d-5f1f6a9e1c11","orderId":7,\
                "timestamp":1666666399668,"holderId":"jjy","currencyId":1,"amount":500.5,"deadline":1666666409668}""";

        // when
        SagaEvent read = codec.fromJson(EventType.ORDER_CREATED, json);

        // then
        assertThat(read).isEqualTo(new OrderCreated("2b6c5c1e-8f34-4a57-9f0d-5f1f6a9e1c11", 7, 1666666399668L, "jjy",
                1, new BigDecimal("500.5"), 1666666409668L));
    }

    @Test
    void takesTheTypeFromTheHeaderWhenOneIsGiven() {
        // given
        byte[] header = "PointUsed".getBytes(StandardCharsets.UTF_8);
        String json = codec.toJson(anOrderCreated());

        // when
        Optional<EventType> type = codec.typeOf(header, json);

        // then
        assertThat(type).contains(EventType.POINT_USED);
    }

    @Test
    void takesTheTypeFromTheJsonWithoutAHeader() {
        // given
        String json = codec.toJson(anExchangeSucceed());

        // when
        Optional<EventType> type = codec.typeOf(null, json);

        // then
        assertThat(type).contains(EventType.EXCHANGE_SUCCEED);
    }

    @Test
    void knowsNoTypeForAnUnknownNameInTheHeader() {
        // given
        byte[] header = "io.deadlinesaga.messaging.event.OrderCreated".getBytes(StandardCharsets.UTF_8);

        // when
        Optional<EventType> type = codec.typeOf(header, codec.toJson(anOrderCreated()));

        // then
        assertThat(type).isEmpty();
    }

    @Test
    void knowsNoTypeForAnUnknownEventTypeInTheJson() {
        // given
        String json = withProperty(codec.toJson(anOrderCreated()), "eventType", "OrderShipped");

        // when
        Optional<EventType> type = codec.typeOf(null, json);

        // then
        assertThat(type).isEmpty();
    }

    @Test
    void refusesARecordWithNeitherATypeHeaderNorAnEventType() {
        // given
        String json = without(codec.toJson(anOrderCreated()), "eventType");

        // when / then
        assertThatThrownBy(() -> codec.typeOf(null, json)).isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void refusesUnparseableJsonWhenLookingForTheType() {
        // given
        String json = "{\"eventType\":\"OrderCreated\",";

        // when / then
        assertThatThrownBy(() -> codec.typeOf(null, json)).isInstanceOf(UnreadableEventException.class);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "not json", "{\"eventType\":\"OrderCreated\",", "[1,2]", "42"})
    void refusesAnEventThatIsNotAJsonObject(String json) {
        // when / then
        assertThatThrownBy(() -> codec.fromJson(EventType.ORDER_CREATED, json))
                .isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void refusesARecordWithoutAValue() {
        // when / then
        assertThatThrownBy(() -> codec.fromJson(EventType.ORDER_CREATED, null))
                .isInstanceOf(UnreadableEventException.class);
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("everyFieldOfEveryEvent")
    void refusesAnEventWithAMissingField(EventType type, String field, SagaEvent event) {
        // given
        String json = without(codec.toJson(event), field);

        // when / then
        assertThatThrownBy(() -> codec.fromJson(type, json)).isInstanceOf(UnreadableEventException.class);
    }

    @ParameterizedTest(name = "{0} with {1} null")
    @MethodSource("everyFieldOfEveryEvent")
    void refusesAnEventWithANullField(EventType type, String field, SagaEvent event) {
        // given
        ObjectNode json = (ObjectNode) JSON.readTree(codec.toJson(event));
        json.putNull(field);

        // when / then
        assertThatThrownBy(() -> codec.fromJson(type, JSON.writeValueAsString(json)))
                .isInstanceOf(UnreadableEventException.class);
    }

    @ParameterizedTest(name = "orderId {0}")
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void refusesANonPositiveOrderId(long orderId) {
        // given
        ObjectNode json = (ObjectNode) JSON.readTree(codec.toJson(aPointUsed()));
        json.put("orderId", orderId);

        // when / then
        assertThatThrownBy(() -> codec.fromJson(EventType.POINT_USED, JSON.writeValueAsString(json)))
                .isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void refusesABlankEventId() {
        // given
        String json = withProperty(codec.toJson(aPointUsed()), "eventId", " ");

        // when / then
        assertThatThrownBy(() -> codec.fromJson(EventType.POINT_USED, json))
                .isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void refusesAFieldOfTheWrongType() {
        // given
        String json = withProperty(codec.toJson(aPointUsed()), "orderId", "seven");

        // when / then
        assertThatThrownBy(() -> codec.fromJson(EventType.POINT_USED, json))
                .isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void ignoresUnknownExtraFields() {
        // given
        PointUsed event = aPointUsed();
        ObjectNode json = (ObjectNode) JSON.readTree(codec.toJson(event));
        json.put("traceId", "abc");
        json.put("version", 2);
        json.putObject("meta").put("source", "legacy");

        // when
        SagaEvent read = codec.fromJson(EventType.POINT_USED, JSON.writeValueAsString(json));

        // then
        assertThat(read).isEqualTo(event);
    }

    static Stream<Arguments> everyFieldOfEveryEvent() {
        return EventFixtures.everyEvent().flatMap(event -> componentNames(event).stream()
                .map(field -> Arguments.of(EventType.of(event.getClass()), field, event)));
    }

    private static List<String> componentNames(SagaEvent event) {
        return Arrays.stream(event.getClass().getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static String without(String json, String field) {
        ObjectNode node = (ObjectNode) JSON.readTree(json);
        node.remove(field);
        return JSON.writeValueAsString(node);
    }

    private static String withProperty(String json, String field, String value) {
        ObjectNode node = (ObjectNode) JSON.readTree(json);
        node.put(field, value);
        return JSON.writeValueAsString(node);
    }
}
