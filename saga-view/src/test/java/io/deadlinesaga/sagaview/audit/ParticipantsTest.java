package io.deadlinesaga.sagaview.audit;

import java.util.List;

import io.deadlinesaga.sagaview.timeline.TimelineEntry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class ParticipantsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void tellsEachParticipantsStateOfACompensatedLateDeduction() {
        // given
        List<TimelineEntry> events = List.of(event("OrderCreated"), event("ExchangeSucceed"), event("DeadlineReached"),
                event("OrderRejected"), event("ExchangeCompensated", "undone", "true"), event("PointUsed"),
                event("PointUseCompensated", "refunded", "300"));

        // when
        Participants participants = Participants.of(events);

        // then
        assertThat(participants).isEqualTo(new Participants("COMPENSATED", "COMPENSATED", "REFUNDED", "FIRED"));
    }

    @Test
    void tellsThatADeadlineWasCancelledByTheDecision() {
        // when
        Participants participants = Participants.of(List.of(event("OrderCreated"), event("ExchangeSucceed"),
                event("PointUsed"), event("OrderPlaced")));

        // then
        assertThat(participants).isEqualTo(new Participants("APPROVED", "EXCHANGED", "DEDUCTED", "CANCELLED"));
    }

    private static TimelineEntry event(String type, String... fieldAndValue) {
        ObjectNode fields = JSON.createObjectNode();
        for (int i = 0; i < fieldAndValue.length; i += 2) {
            fields.put(fieldAndValue[i], fieldAndValue[i + 1]);
        }
        return new TimelineEntry(type, "any", 0, 0, 0, type, fields);
    }
}
