package io.deadlinesaga.load;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadPlanTest {

    private static LoadOptions options(String... args) {
        return LoadOptions.parse(List.of(args), Map.of(), 7);
    }

    @Test
    void namesTheAccountsAfterTheRunAndGivesEachEarlyOrderItsOwnHolder() {
        // when
        LoadPlan plan = LoadPlan.of(options("--orders", "200", "--users", "5"), "Lrun");

        // then
        assertThat(plan.users).containsExactly("Lrun-u1", "Lrun-u2", "Lrun-u3", "Lrun-u4", "Lrun-u5");
        assertThat(plan.earlyOrders()).hasSize(6).extracting(order -> order.holderId).doesNotHaveDuplicates()
                .allSatisfy(holder -> assertThat(holder).startsWith("Lrun-e"));
        assertThat(plan.allAccounts()).hasSize(11);
        assertThat(plan.orders).filteredOn(order -> order.kind != OrderKind.EARLY)
                .allSatisfy(order -> assertThat(plan.users).contains(order.holderId));
    }

    @Test
    void ordersInTheirKindsCurrencyWithOverLimitAmountsAboveAnyBalance() {
        // when
        LoadPlan plan = LoadPlan.of(options("--orders", "200", "--points", "1000"), "Lrun");

        // then
        assertThat(plan.orders).filteredOn(order -> order.kind == OrderKind.SLOW_POINT)
                .allSatisfy(order -> assertThat(order.currencyId).isEqualTo(500));
        assertThat(plan.orders).filteredOn(order -> order.kind == OrderKind.ORDINARY)
                .allSatisfy(order -> assertThat(order.currencyId).isBetween(1L, 3L))
                .allSatisfy(order -> assertThat(order.amount).isBetween(new BigDecimal("1.00"), new BigDecimal("200.00")));
        assertThat(plan.orders).filteredOn(order -> order.kind == OrderKind.OVER_LIMIT)
                .allSatisfy(order -> assertThat(order.amount).isGreaterThan(new BigDecimal("1000")));
        assertThat(plan.orders).extracting(order -> order.idempotencyKey).doesNotHaveDuplicates();
    }

    @Test
    void refusesAPlanAnAccountCouldNotPayFor() {
        assertThatThrownBy(() -> LoadPlan.of(options("--orders", "100", "--users", "1", "--points", "100"), "Lrun"))
                .isInstanceOf(LoadOptions.BadOptionException.class).hasMessageContaining("--points 100 is too few");
    }
}
