package io.deadlinesaga.messaging.inbox;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanesTest {

    private final Lanes lanes = new Lanes();

    @Test
    void startsTheDrainOfAnIdleLane() {
        // when
        boolean start = lanes.wake(7);

        // then
        assertThat(start).isTrue();
        assertThat(lanes.isDraining(7)).isTrue();
    }

    @Test
    void startsNoSecondDrainOfALaneDrainingAlready() {
        // given
        lanes.wake(7);

        // when
        boolean start = lanes.wake(7);

        // then
        assertThat(start).isFalse();
    }

    @Test
    void goesIdleAfterADrainNobodyWokeItDuring() {
        // given
        lanes.wake(7);

        // when
        boolean again = lanes.drained(7);

        // then
        assertThat(again).isFalse();
        assertThat(lanes.isDraining(7)).isFalse();
    }

    @Test
    void drainsOnceMoreWhenWokenDuringTheDrainAndThenGoesIdle() {
        // given
        lanes.wake(7);
        lanes.wake(7);
        lanes.wake(7);

        // when
        boolean again = lanes.drained(7);
        boolean yetAgain = lanes.drained(7);

        // then
        assertThat(again).isTrue();
        assertThat(yetAgain).isFalse();
        assertThat(lanes.isDraining(7)).isFalse();
    }

    @Test
    void keepsTheLanesOfOrdersApart() {
        // given
        lanes.wake(7);

        // when
        boolean startOfAnother = lanes.wake(8);

        // then
        assertThat(startOfAnother).isTrue();
        assertThat(lanes.drained(7)).isFalse();
        assertThat(lanes.isDraining(8)).isTrue();
    }
}
