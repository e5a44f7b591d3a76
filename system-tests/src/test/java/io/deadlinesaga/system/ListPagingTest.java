package io.deadlinesaga.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every list is paged, newest first: {@code ?page} from 0 (default 0), {@code ?size} 1 to 500 (default 50); a bad
 * value is a 400 problem+json naming the parameter. The answers are still JSON arrays of the same objects.
 */
class ListPagingTest {

    private static final Duration SETTLES = Duration.ofSeconds(20);

    private final SagaSystem system = SagaSystem.get();
    private final SagaClient saga = system.client();

    @Test
    void listsOrdersNewestFirstAPageAtATime() {
        // given
        List<Long> placed = placeApprovedOrders(3);

        // when
        JsonNode firstPage = saga.http().get("/orders?size=2").body();
        JsonNode secondPage = saga.http().get("/orders?size=2&page=1").body();

        // then
        assertThat(ids(firstPage, "id")).containsExactly(placed.get(2), placed.get(1));
        assertThat(ids(secondPage, "id").get(0)).isEqualTo(placed.get(0));
        assertThat(firstPage.get(0).get("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    void listsExchangesAndDeadlinesOfTheNewestOrderFirst() {
        // given (other tests leave exchanges and deadlines of made-up orders, with high ids, on these lists)
        List<Long> placed = placeApprovedOrders(3);

        for (String list : List.of("/exchanges", "/deadlines")) {
            // when
            JsonNode all = saga.http().get(list + "?size=500").body();
            JsonNode firstPage = saga.http().get(list + "?size=2").body();
            JsonNode secondPage = saga.http().get(list + "?size=2&page=1").body();

            // then: highest order first, our three in that order, and the pages are the list cut in twos
            List<Long> ids = ids(all, "orderId");
            assertThat(ids).as(list).isSortedAccordingTo(Comparator.reverseOrder());
            assertThat(ids.stream().filter(placed::contains)).as(list)
                    .containsExactly(placed.get(2), placed.get(1), placed.get(0));
            assertThat(ids(firstPage, "orderId")).as(list).isEqualTo(ids.subList(0, 2));
            assertThat(ids(secondPage, "orderId")).as(list).isEqualTo(ids.subList(2, Math.min(4, ids.size())));
        }
        assertThat(saga.exchange(placed.get(2)).get("state").asString()).isEqualTo("EXCHANGED");
        assertThat(saga.deadline(placed.get(2)).get("deadline").asLong()).isPositive();
    }

    @Test
    void listsTransactionsNewestFirstAndKeepsTheirFilters() {
        // given
        String holder = SagaClient.newHolder("ledger");
        saga.openAccount(holder, "1000");
        List<Long> placed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long orderId = saga.placeOrderId(holder, "1", "10");
            saga.awaitSettled(orderId, SETTLES);
            placed.add(orderId);
        }

        // when
        JsonNode newest = saga.http().get("/transactions?userId=" + holder + "&size=2").body();
        JsonNode oldest = saga.http().get("/transactions?userId=" + holder + "&size=2&page=1").body();
        JsonNode ofTheFirstOrder = saga.http().get("/transactions?orderId=" + placed.get(0)).body();
        JsonNode everyHolders = saga.http().get("/transactions?size=3").body();

        // then
        assertThat(ids(newest, "orderId")).containsExactly(placed.get(2), placed.get(1));
        assertThat(ids(oldest, "orderId")).containsExactly(placed.get(0));
        assertThat(ofTheFirstOrder).hasSize(1);
        assertThat(ofTheFirstOrder.get(0).get("type").asString()).isEqualTo("DEDUCTION");
        assertThat(ids(everyHolders, "id")).hasSize(3).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void listsAccountsNewestFirstFiftyToAPageUnlessAskedForMore() {
        // given: 51 accounts, named so that a tie on their opening millisecond keeps the opening order
        String run = SagaClient.newHolder("page");
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            String userId = String.format("%s-%03d", run, i);
            assertThat(saga.openAccount(userId, "1").status()).isEqualTo(201);
            opened.add(0, userId);
        }

        // when
        JsonNode byDefault = saga.http().get("/points").body();
        JsonNode atMost = saga.http().get("/points?size=500").body();

        // then
        assertThat(byDefault.valueStream().map(account -> account.get("userId").asString()))
                .containsExactlyElementsOf(opened.subList(0, 50));
        assertThat(atMost.size()).isBetween(51, 500);
        assertThat(atMost.valueStream().limit(51).map(account -> account.get("userId").asString()))
                .containsExactlyElementsOf(opened);
    }

    @Test
    void answersAnEmptyArrayPastTheLastPage() {
        // when
        Http.Response response = saga.http().get("/orders?size=500&page=4294967");

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().isArray()).isTrue();
        assertThat(response.body()).isEmpty();
    }

    static Stream<Arguments> badPaging() {
        List<Arguments> cases = new ArrayList<>();
        for (String list : new String[] {"/orders", "/points", "/transactions", "/transactions?orderId=1", "/exchanges",
                "/deadlines"}) {
            String join = list.contains("?") ? "&" : "?";
            cases.add(arguments(list + join + "page=abc", "page"));
            cases.add(arguments(list + join + "page=-1", "page"));
            cases.add(arguments(list + join + "page=99999999999", "page"));
            cases.add(arguments(list + join + "size=0", "size"));
            cases.add(arguments(list + join + "size=-3", "size"));
            cases.add(arguments(list + join + "size=501", "size"));
            cases.add(arguments(list + join + "size=ten", "size"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "GET {0} -> 400 naming {1}")
    @MethodSource("badPaging")
    void refusesABadPageOrSizeNamingTheParameter(String path, String parameter) {
        // when
        Http.Response response = saga.http().get(path);

        // then
        assertThat(response.status()).as("GET %s: %s", path, response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("detail").asString()).startsWith(parameter + " must be");
    }

    private List<Long> placeApprovedOrders(int count) {
        String holder = SagaClient.newHolder("pages");
        saga.openAccount(holder, "1000");
        List<Long> placed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            placed.add(saga.placeOrderId(holder, "1", "10"));
        }
        placed.forEach(orderId -> saga.awaitSettled(orderId, SETTLES));
        return placed;
    }

    private static List<Long> ids(JsonNode rows, String field) {
        return rows.valueStream().map(row -> row.get(field).asLong()).toList();
    }
}
