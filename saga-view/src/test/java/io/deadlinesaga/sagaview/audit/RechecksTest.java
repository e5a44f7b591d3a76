package io.deadlinesaga.sagaview.audit;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.deadlinesaga.contract.rules.Finding;
import io.deadlinesaga.contract.rules.Rule;
import io.deadlinesaga.contract.rules.Verdict;
import io.deadlinesaga.sagaview.ViewStore;
import io.deadlinesaga.sagaview.timeline.OrderEvent;
import io.deadlinesaga.sagaview.timeline.StoreWrites;
import io.deadlinesaga.sagaview.timeline.TimelineEntry;
import io.deadlinesaga.sagaview.timeline.Timelines;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Verdicts that turn with the clock alone, stored and audited again when their time comes; without Spring. */
class RechecksTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long CREATED = 1_000_000;
    private static final long DEADLINE = CREATED + 10_000;
    private static final long GRACE = 5_000;

    private final ViewStore store = new ViewStore();
    private final Timelines timelines = new Timelines(store.jdbc());
    private final AuditSettings settings = new AuditSettings(Duration.ofSeconds(30), Duration.ofMillis(GRACE),
            Duration.ofSeconds(1));
    private final SagaVerdicts verdicts = new SagaVerdicts(store.jdbc(), new Auditor(settings));
    private final StoreWrites writes = new StoreWrites(store.transactions());
    private final Rechecks rechecks = new Rechecks(verdicts, timelines, writes, settings);

    @Test
    void turnsAnOrderStillUndecidedPastItsDeadlineAndGraceIntoAViolation() {
        // given
        stored(7, created(0, DEADLINE), CREATED);

        // when
        int rechecked = rechecks.recheckDue(DEADLINE + GRACE + 1);

        // then
        assertThat(rechecked).isOne();
        StoredVerdict violation = verdicts.page(Optional.of(Verdict.VIOLATION), 0, 50).get(0);
        assertThat(violation.orderId()).isEqualTo(7);
        assertThat(violation.violations()).extracting(Finding::rule).containsExactly(Rule.UNDECIDED_PAST_DEADLINE);
        assertThat(verdicts.dueBy(Long.MAX_VALUE, 10)).as("nothing more the clock can change").isEmpty();
    }

    @Test
    void readsNoSagaBeforeItsRecheckTime() {
        // given
        stored(7, created(0, DEADLINE), CREATED);
        stored(8, created(1, DEADLINE + 60_000), CREATED);

        // when
        int rechecked = rechecks.recheckDue(DEADLINE + GRACE + 1);

        // then
        assertThat(rechecked).isOne();
        assertThat(verdicts.page(Optional.of(Verdict.IN_PROGRESS), 0, 50)).extracting(StoredVerdict::orderId)
                .containsExactly(8L);
    }

    @Test
    void listsSagasWithOneVerdictNewestOrderFirstAPageAtATime() {
        // given
        for (long orderId = 1; orderId <= 5; orderId++) {
            stored(orderId, created(orderId, DEADLINE), CREATED);
        }

        // when
        List<StoredVerdict> first = verdicts.page(Optional.of(Verdict.IN_PROGRESS), 0, 2);
        List<StoredVerdict> last = verdicts.page(Optional.of(Verdict.IN_PROGRESS), 2, 2);

        // then
        assertThat(first).extracting(StoredVerdict::orderId).containsExactly(5L, 4L);
        assertThat(last).extracting(StoredVerdict::orderId).containsExactly(1L);
        assertThat(verdicts.page(Optional.of(Verdict.VIOLATION), 0, 2)).isEmpty();
    }

    private void stored(long orderId, TimelineEntry event, long now) {
        writes.inTransaction(() -> {
            timelines.append(List.of(new OrderEvent(orderId, event)));
            verdicts.judge(timelines.eventsOf(List.of(orderId)), now);
        });
    }

    private static TimelineEntry created(long offset, long deadline) {
        return TimelineEntry.of("OrderCreated", 0, offset, CREATED, "created-" + offset,
                JSON.createObjectNode().put("deadline", deadline));
    }
}
