package io.deadlinesaga.launcher.commands;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventsCommandTest {

    @Test
    void followingPrintsEachLineOnce() {
        // given
        EventsCommand.Timeline timeline = new EventsCommand.Timeline();

        // when
        var first = timeline.linesAfterThoseShown("a\nb\n");
        var same = timeline.linesAfterThoseShown("a\nb\n");
        var more = timeline.linesAfterThoseShown("a\nb\nc\n");

        // then
        assertThat(first).containsExactly("a", "b");
        assertThat(same).isEmpty();
        assertThat(more).containsExactly("c");
    }

    @Test
    void aViewCatchingUpIsExplainedByItsProblemsDetail() {
        // given
        String problem = "{\"type\":\"about:blank\",\"status\":503,\"detail\":\"the saga view is 1200 records behind "
                + "the topic; order 7 may be among them\"}";

        // when / then
        assertThat(EventsCommand.detail(problem))
                .contains("the saga view is 1200 records behind the topic; order 7 may be among them");
        assertThat(EventsCommand.detail("<html>")).isEmpty();
    }
}
