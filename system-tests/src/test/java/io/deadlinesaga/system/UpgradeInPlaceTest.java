package io.deadlinesaga.system;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services started on databases made before migrations existed ({@link TestDatabases.H2#LEGACY}): each
 * upgraded its database in place, with nothing lost, and goes on with it.
 */
class UpgradeInPlaceTest {

    private static final String HOLDER = "legacy-jjy";
    static final List<String> SERVICES = TestDatabases.H2.LEGACY;

    private final SagaSystem system = SagaSystem.get();
    private final SagaClient saga = system.client();

    @ParameterizedTest
    @FieldSource("SERVICES")
    void takesTheTablesItFoundAsTheBaselineAndAppliesNoMigrationToThem(String service) {
        // when: the service started on its legacy database (SagaSystem)
        List<String> history = system.database(service).queryForList("SELECT \"type\" || ' ' || "
                + "coalesce(\"version\", '-') FROM \"flyway_schema_history\" ORDER BY \"installed_rank\"", String.class);

        // then
        assertThat(history).containsExactly("TABLE -", "BASELINE 2");
    }

    @Test
    void servesTheOrdersAccountsLedgerExchangesAndDeadlinesItHadBefore() {
        // when / then
        assertThat(saga.order(1).path("holderId").asString()).isEqualTo(HOLDER);
        assertThat(saga.order(1).path("status").asString()).isEqualTo("APPROVED");
        assertThat(saga.order(2).path("reason").asString()).isEqualTo("POINT_LIMIT");
        assertThat(saga.order(3).path("reason").asString()).isEqualTo("EXCHANGE_ERROR");
        assertThat(saga.transactions(1)).singleElement().satisfies(entry -> {
            assertThat(entry.path("type").asString()).isEqualTo("DEDUCTION");
            assertThat(entry.path("balanceAfter").decimalValue()).isEqualByComparingTo("9500");
        });
        assertThat(saga.exchange(1).path("state").asString()).isEqualTo("EXCHANGED");
        assertThat(saga.deadline(2).path("state").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void approvesANewOrderOfAnOldAccountAndDeductsFromItsBalance() {
        // given
        BigDecimal before = saga.balance(HOLDER);

        // when
        long orderId = saga.placeOrderId(HOLDER, "1", "100");

        // then
        assertThat(orderId).as("a new id after the old orders'").isGreaterThan(3);
        assertThat(saga.awaitSettled(orderId, Duration.ofSeconds(20)).path("status").asString()).isEqualTo("APPROVED");
        assertThat(saga.balance(HOLDER)).isEqualByComparingTo(before.subtract(new BigDecimal("100")));
        new Invariants(system).assertConsistent(orderId);
    }
}
