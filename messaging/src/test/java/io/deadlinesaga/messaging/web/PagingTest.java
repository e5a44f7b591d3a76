package io.deadlinesaga.messaging.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PagingTest {

    @Test
    void asksForTheFirstFiftyWhenNothingIsSaid() {
        // when
        Paging paging = Paging.of(null, null);

        // then
        assertThat(paging).isEqualTo(new Paging(0, 50));
    }

    @Test
    void takesThePageAndSizeAsked() {
        // when
        Paging paging = Paging.of("3", "20");

        // then
        assertThat(paging).isEqualTo(new Paging(3, 20));
    }

    @Test
    void acceptsTheLargestSize() {
        // when
        Paging paging = Paging.of(null, "500");

        // then
        assertThat(paging.size()).isEqualTo(Paging.MAX_SIZE);
    }

    @Test
    void skipsTheRowsOfTheEarlierPages() {
        // given
        Paging paging = Paging.of("2", "10");

        // when
        long offset = paging.offset();

        // then
        assertThat(offset).isEqualTo(20);
        assertThat(paging.size()).isEqualTo(10);
    }

    @Test
    void skipsNothingOnTheFirstPage() {
        // when
        long offset = Paging.of("0", "10").offset();

        // then
        assertThat(offset).isZero();
    }

    @Test
    void acceptsTheLastPageWhoseOffsetFitsAnInt() {
        // given
        int lastPage = Integer.MAX_VALUE / 500;

        // when
        long offset = Paging.of(Integer.toString(lastPage), "500").offset();

        // then
        assertThat(offset).isEqualTo((long) lastPage * 500).isLessThanOrEqualTo(Integer.MAX_VALUE);
    }

    @ParameterizedTest(name = "page={0} size={1} -> names {2}")
    @CsvSource(nullValues = "null", value = {
            "abc, null, page, 'abc'",
            "1.5, null, page, '1.5'",
            "'', null, page, ''''",
            "-1, null, page, -1",
            "99999999999, null, page, 99999999999",
            "4294968, 500, page, 4294968",
            "null, abc, size, 'abc'",
            "null, 0, size, 0",
            "null, -5, size, -5",
            "null, 501, size, 501",
            "null, 99999999999, size, 99999999999"})
    void refusesABadValueNamingTheParameter(String page, String size, String parameter, String value) {
        // when
        ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> Paging.of(page, size));

        // then
        assertThat(problem).as("page=%s size=%s", page, size).isNotNull();
        assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problem.getBody().getDetail()).startsWith(parameter + " must be").contains(value);
    }
}
