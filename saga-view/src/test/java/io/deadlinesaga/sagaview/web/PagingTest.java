package io.deadlinesaga.sagaview.web;

import io.deadlinesaga.messaging.web.ApiProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagingTest {

    @Test
    void asksForTheFirstFiftyWhenNothingIsSaid() {
        // when
        Paging paging = Paging.of(null, null);

        // then
        assertThat(paging).isEqualTo(new Paging(0, 50));
    }

    @Test
    void takesAPageAndASizeUpToFiveHundred() {
        // when
        Paging paging = Paging.of("3", "500");

        // then
        assertThat(paging).isEqualTo(new Paging(3, 500));
    }

    @ParameterizedTest
    @CsvSource({"x, 50, page", "-1, 50, page", "1.5, 50, page", "0, 0, size", "0, 501, size", "0, -5, size",
            "0, '', size"})
    void refusesAValueItCannotServeNamingTheParameter(String page, String size, String named) {
        // when / then
        assertThatThrownBy(() -> Paging.of(page, size)).isInstanceOf(ApiProblem.class)
                .satisfies(problem -> assertThat(((ApiProblem) problem).getBody().getDetail())
                        .startsWith(named + " must be a whole number"));
    }
}
