package io.deadlinesaga.contract.rules;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.deadlinesaga.contract.EventName.EXCHANGE_SUCCEED;
import static io.deadlinesaga.contract.EventName.ORDER_CREATED;
import static io.deadlinesaga.contract.EventName.POINT_USED;
import static io.deadlinesaga.contract.EventName.POINT_USE_COMPENSATED;
import static org.assertj.core.api.Assertions.assertThat;

class TopicEventTest {

    @Test
    void takesThePointsMovedAndTheDeadlineFromTheirFieldsOnTheWire() {
        // given
        Map<String, String> fields = Map.of("point", "120.50", "refunded", "7", "deadline", "1700000010000");

        // when
        TopicEvent used = TopicEvent.fromWire(POINT_USED, "e1", 1, fields::get);
        TopicEvent refunded = TopicEvent.fromWire(POINT_USE_COMPENSATED, "e2", 2, fields::get);
        TopicEvent created = TopicEvent.fromWire(ORDER_CREATED, "e3", 3, fields::get);
        TopicEvent exchanged = TopicEvent.fromWire(EXCHANGE_SUCCEED, "e4", 4, fields::get);

        // then
        assertThat(used.points()).isEqualByComparingTo("120.5");
        assertThat(refunded.points()).isEqualByComparingTo("7");
        assertThat(created.deadline()).isEqualTo(1_700_000_010_000L);
        assertThat(exchanged.points()).as("ExchangeSucceed's point is the exchange's worth, not a deduction").isNull();
    }

    @Test
    void countsAFieldThatIsAbsentOrNotANumberAsZero() {
        // given
        Map<String, String> fields = Map.of("refunded", "lots");

        // when
        TopicEvent used = TopicEvent.fromWire(POINT_USED, "e1", 1, fields::get);
        TopicEvent refunded = TopicEvent.fromWire(POINT_USE_COMPENSATED, "e2", 2, fields::get);
        TopicEvent created = TopicEvent.fromWire(ORDER_CREATED, "e3", 3, fields::get);

        // then
        assertThat(used.points()).isEqualTo(BigDecimal.ZERO);
        assertThat(refunded.points()).isEqualTo(BigDecimal.ZERO);
        assertThat(created.deadline()).isZero();
    }
}
