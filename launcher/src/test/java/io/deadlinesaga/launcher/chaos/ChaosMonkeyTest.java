package io.deadlinesaga.launcher.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.deadlinesaga.launcher.Instance;
import io.deadlinesaga.launcher.Part;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ChaosMonkeyTest {

    private final List<String> done = new CopyOnWriteArrayList<>();
    private final AtomicInteger inAction = new AtomicInteger();
    private final AtomicInteger overlaps = new AtomicInteger();

    private final ChaosMonkey.Hands hands = new ChaosMonkey.Hands() {

        @Override
        public void killAndStart(Instance service, long elapsedMillis) {
            act("kill " + service);
        }

        @Override
        public void restartKafka(long elapsedMillis) {
            act("restart kafka");
        }
    };

    private void act(String what) {
        if (inAction.incrementAndGet() > 1) {
            overlaps.incrementAndGet();
        }
        done.add(what);
        inAction.decrementAndGet();
    }

    @Test
    void actsEveryIntervalUntilTheWindowEndsOneActionAtATime() {
        // given
        ChaosPlan plan = new ChaosPlan(List.of(Instance.only(Part.ORDER), Instance.only(Part.POINT)), true, 1_000, new Random(1));
        ChaosMonkey monkey = new ChaosMonkey(plan, hands, Duration.ofMillis(100), Duration.ofMillis(1_000),
                Duration.ofMillis(10));

        // when
        monkey.run();

        // then: actions at 100, 200, … 900 ms, the one at the half a restart of the broker
        assertThat(done).hasSizeBetween(7, 9).containsOnlyOnce("restart kafka");
        assertThat(overlaps).hasValue(0);
    }

    @Test
    void stopsAfterTheActionItIsDoing() {
        // given
        ChaosPlan plan = new ChaosPlan(List.of(Instance.only(Part.ORDER)), false, 600_000, new Random(1));
        ChaosMonkey monkey = new ChaosMonkey(plan, hands, Duration.ofMillis(50), Duration.ofMinutes(10),
                Duration.ofMillis(10));
        Thread thread = new Thread(monkey);
        thread.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> done.size() >= 2);

        // when
        monkey.stop();

        // then
        await().atMost(Duration.ofSeconds(5)).until(() -> !thread.isAlive());
        assertThat(done).allMatch("kill order"::equals);
    }

    @Test
    void doesNothingWhenStoppedBeforeTheFirstAction() {
        // given
        ChaosPlan plan = new ChaosPlan(List.of(Instance.only(Part.ORDER)), true, 600_000, new Random(1));
        ChaosMonkey monkey = new ChaosMonkey(plan, hands, Duration.ofMinutes(1), Duration.ofMinutes(10));

        // when
        monkey.stop();
        monkey.run();

        // then
        assertThat(done).isEmpty();
    }
}
