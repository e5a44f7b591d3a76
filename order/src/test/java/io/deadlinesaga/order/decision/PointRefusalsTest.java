package io.deadlinesaga.order.decision;

import io.deadlinesaga.order.placing.RejectionReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PointRefusalsTest {

    @Test
    void rejectsForThePointLimitWhenThePointsDoNotSuffice() {
        // when
        RejectionReason reason = PointRefusals.reasonFor("INSUFFICIENT_POINTS");

        // then
        assertThat(reason).isEqualTo(RejectionReason.POINT_LIMIT);
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"ORDER_CLOSED", "NO_ACCOUNT", "insufficient_points", "SOMETHING_NEW"})
    void rejectsForAPointErrorOnAnyOtherRefusal(String pointReason) {
        // when
        RejectionReason reason = PointRefusals.reasonFor(pointReason);

        // then
        assertThat(reason).isEqualTo(RejectionReason.POINT_ERROR);
    }
}
