package io.deadlinesaga.load;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.deadlinesaga.contract.EventName.EXCHANGE_SUCCEED;
import static io.deadlinesaga.contract.EventName.ORDER_CREATED;
import static io.deadlinesaga.contract.EventName.ORDER_PLACED;
import static io.deadlinesaga.contract.EventName.POINT_USED;
import static io.deadlinesaga.load.AnOrder.deduction;
import static io.deadlinesaga.load.AnOrder.refund;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class InvariantCheckerTest {

    private static final BigDecimal OPENING = new BigDecimal("1000");

    private final InvariantChecker checker = new InvariantChecker(false);
    private final InvariantChecker chaosChecker = new InvariantChecker(true);

    private static CheckResult check(InvariantChecker checker, OrderFacts... orders) {
        return checker.check(List.of(orders), List.of());
    }

    private static List<String> rules(CheckResult result) {
        return result.violations().stream().map(Violation::rule).toList();
    }

    @Test
    void passesConsistentApprovedAndRejectedOrders() {
        // when
        CheckResult result = checker.check(List.of(AnOrder.approved(1).build(), AnOrder.rejectedOverLimit(2).build()),
                List.of(new AccountFacts("u1", OPENING, new BigDecimal("880"))));

        // then
        assertThat(result.violations()).isEmpty();
        assertThat(result.passed()).isTrue();
    }

    @Nested
    class Unreadable {

        @Test
        void reportsAnOrderAServiceKeptFailingToAnswerAbout() {
            // given
            OrderFacts unanswered = AnOrder.approved(1).deadline(null).unreadable("GET /deadlines/1: 500 Internal error").build();

            // when
            CheckResult result = check(checker, unanswered);

            // then
            assertThat(result.violations()).singleElement().satisfies(violation -> {
                assertThat(violation.rule()).isEqualTo("read");
                assertThat(violation.message()).contains("GET /deadlines/1: 500");
                assertThat(violation.lasting()).isFalse();
            });
        }

        @Test
        void stillCountsAnUnreadableApprovedOrderInItsHoldersBalance() {
            // given
            OrderFacts unanswered = AnOrder.approved(1).unreadable("GET /deadlines/1: 500").build();

            // when
            CheckResult result = checker.check(List.of(unanswered), List.of(new AccountFacts("u1", OPENING, new BigDecimal("880")),
                    new AccountFacts("u2", OPENING, null, "GET /points/u2: connection refused")));

            // then
            assertThat(result.violations()).extracting(Violation::subject, Violation::rule)
                    .containsExactly(tuple("order 1 (ordinary)", "read"), tuple("account u2", "read"));
        }
    }

    @Nested
    class Outcomes {

        @Test
        void reportsAnOrderThatEndedOtherwiseThanItsKindMust() {
            // given
            OrderFacts ordinaryRejected = AnOrder.rejectedOverLimit(1).kind(OrderKind.ORDINARY).build();

            // when
            CheckResult result = check(checker, ordinaryRejected);

            // then
            assertThat(result.violations()).singleElement().satisfies(violation -> {
                assertThat(violation.rule()).isEqualTo("outcome");
                assertThat(violation.orderId()).isEqualTo(1);
                assertThat(violation.message()).contains("expected APPROVED, got REJECTED (POINT_LIMIT)");
            });
        }

        @Test
        void countsRejectionsByTheDeadlineInAChaosRunInsteadOfReportingThem() {
            // given
            OrderFacts ordinaryByDeadline = AnOrder.rejectedOverLimit(1).kind(OrderKind.ORDINARY).rejectedBy("DEADLINE").build();

            // when
            CheckResult strict = check(checker, ordinaryByDeadline);
            CheckResult chaos = check(chaosChecker, ordinaryByDeadline);

            // then
            assertThat(rules(strict)).containsExactly("outcome");
            assertThat(chaos.violations()).isEmpty();
            assertThat(chaos.otherOutcomes()).containsEntry("ordinary -> REJECTED (DEADLINE)", 1);
        }

        @Test
        void countsAStalledOrderApprovedInAChaosRunWhenItsDeadlineDidNotFire() {
            // given
            OrderFacts stalledApproved = AnOrder.approved(1).kind(OrderKind.STALLED_EXCHANGE).build();
            OrderFacts slowApproved = AnOrder.approved(2).kind(OrderKind.SLOW_POINT).build();
            OrderFacts slowExchangeApproved = AnOrder.approved(3).kind(OrderKind.SLOW_EXCHANGE).build();

            // when
            CheckResult strict = check(checker, stalledApproved, slowApproved);
            CheckResult chaos = check(chaosChecker, stalledApproved, slowApproved, slowExchangeApproved);

            // then
            assertThat(rules(strict)).containsExactly("outcome", "outcome");
            assertThat(chaos.otherOutcomes()).containsEntry("200 -> APPROVED", 1).containsEntry("500 -> APPROVED", 1);
            assertThat(chaos.violations()).as("fault 100 drops the exchange past the deadline: never approved")
                    .singleElement().extracting(Violation::orderId).isEqualTo(3L);
        }

        @Test
        void reportsAnyOtherWrongOutcomeInAChaosRunToo() {
            // given
            OrderFacts ordinaryOverLimit = AnOrder.rejectedOverLimit(1).kind(OrderKind.ORDINARY).build();

            // when
            CheckResult result = check(chaosChecker, ordinaryOverLimit);

            // then
            assertThat(rules(result)).containsExactly("outcome");
        }
    }

    @Nested
    class ByTheContractsRules {

        @Test
        void reportsAFindingUnderItsInvariantAndSaysWhetherItMayClear() {
            // given
            OrderFacts undone = AnOrder.approved(1).exchange("COMPENSATED", "120").build();
            OrderFacts twice = AnOrder.approved(2).events(ORDER_CREATED, EXCHANGE_SUCCEED, POINT_USED, ORDER_PLACED,
                    ORDER_PLACED).build();

            // when
            CheckResult result = check(checker, undone, twice);

            // then
            assertThat(result.violations()).extracting(Violation::subject, Violation::rule, Violation::lasting)
                    .containsExactly(tuple("order 1 (ordinary)", "I2", false), tuple("order 2 (ordinary)", "I5", true));
            assertThat(result.violations().get(0).message()).endsWith("its exchange is COMPENSATED");
            assertThat(result.mayClear()).isTrue();
        }

        @Test
        void judgesAtTheEndSoAnOrderStillPendingIsUndecided() {
            // given
            OrderFacts pending = AnOrder.approved(1).pending().build();

            // when
            CheckResult result = check(chaosChecker, pending);

            // then
            assertThat(rules(result)).containsExactly("I1");
            assertThat(result.violations().get(0).message()).contains("still undecided at the end");
        }

        @Test
        void reportsADecisionLaterThanOneSecondAfterTheDeadline() {
            // given
            OrderFacts justInTime = AnOrder.rejectedOverLimit(1).kind(OrderKind.SLOW_EXCHANGE).rejectedBy("DEADLINE")
                    .decidedAfterDeadline(1_000).build();
            OrderFacts late = AnOrder.approved(2).decidedAfterDeadline(1_001).build();

            // when
            CheckResult result = check(checker, justInTime, late);

            // then
            assertThat(result.violations()).singleElement().satisfies(violation -> {
                assertThat(violation.orderId()).isEqualTo(2);
                assertThat(violation.rule()).isEqualTo("I1");
                assertThat(violation.message()).contains("1001 ms after its deadline");
            });
        }

        @Test
        void countsLateDecisionsInAChaosRunInsteadOfReportingThem() {
            // given
            OrderFacts late = AnOrder.approved(1).decidedAfterDeadline(5_000).build();

            // when
            CheckResult result = check(chaosChecker, late);

            // then
            assertThat(result.violations()).isEmpty();
            assertThat(result.lateDecisions()).isEqualTo(1);
        }

        @Test
        void reportsADecisionTheDriverSawChange() {
            // given
            OrderFacts flipped = AnOrder.approved(1).decisionsSeen("REJECTED", "APPROVED").build();

            // when
            CheckResult result = check(checker, flipped);

            // then
            assertThat(rules(result)).containsExactly("I5");
            assertThat(result.violations().get(0).message()).endsWith("seen REJECTED, later APPROVED");
        }

        @Test
        void readsTheLedgerForTheRejectedOrdersPoints() {
            // given
            OrderFacts refunded = AnOrder.rejectedOverLimit(1).kind(OrderKind.SLOW_POINT).rejectedBy("DEADLINE")
                    .ledger(deduction("120"), refund("120")).build();
            OrderFacts kept = AnOrder.rejectedOverLimit(2).ledger(deduction("120"), refund("0")).build();

            // when
            CheckResult result = check(checker, refunded, kept);

            // then
            assertThat(result.violations()).singleElement().satisfies(violation -> {
                assertThat(violation.orderId()).isEqualTo(2);
                assertThat(violation.rule()).isEqualTo("I3");
                assertThat(violation.message()).contains("deducted 120 and refunded 0");
            });
        }

        @Test
        void reportsAStepWhoseEventIsNotOnTheTopic() {
            // given
            OrderFacts approvedWithoutPointUsed = AnOrder.approved(1).events(ORDER_CREATED, EXCHANGE_SUCCEED, ORDER_PLACED).build();

            // when
            CheckResult result = check(checker, approvedWithoutPointUsed);

            // then
            assertThat(rules(result)).containsExactly("I6");
            assertThat(result.violations().get(0).message()).endsWith("not on the topic: PointUsed");
        }

        @Test
        void reportsAnIdThatNowShowsAnotherOrder() {
            // given
            OrderFacts replaced = AnOrder.approved(1).shownAsAnotherHolders("u2").build();

            // when
            CheckResult result = check(checker, replaced);

            // then
            assertThat(rules(result)).containsExactly("I6");
            assertThat(result.violations().get(0).message()).contains("shows another order (u2");
        }

        @Test
        void reportsAnOrderTheOrderServiceNoLongerKnows() {
            // given
            OrderFacts lost = AnOrder.approved(1).lost().build();

            // when
            CheckResult result = check(chaosChecker, lost);

            // then
            assertThat(rules(result)).containsExactly("I6");
            assertThat(result.violations().get(0).message()).contains("does not know the order");
        }
    }

    @Nested
    class I4Balances {

        @Test
        void acceptsABalanceOfOpeningPointsLessApprovedOrders() {
            // given
            List<OrderFacts> orders = List.of(AnOrder.approved(1).build(), AnOrder.approved(2).build(),
                    AnOrder.rejectedOverLimit(3).build());

            // when
            CheckResult result = checker.check(orders, List.of(new AccountFacts("u1", OPENING, new BigDecimal("760.0000"))));

            // then
            assertThat(result.violations()).isEmpty();
        }

        @Test
        void reportsABalanceThatDoesNotAddUp() {
            // given
            List<OrderFacts> orders = List.of(AnOrder.approved(1).build());

            // when
            CheckResult result = checker.check(orders, List.of(new AccountFacts("u1", OPENING, new BigDecimal("760"))));

            // then
            assertThat(result.violations()).singleElement().satisfies(violation -> {
                assertThat(violation.rule()).isEqualTo("I4");
                assertThat(violation.subject()).isEqualTo("account u1");
                assertThat(violation.message()).contains("expected 880");
            });
        }

        @Test
        void leavesOutTheOrderOfAnotherHolderShownUnderAnId() {
            // given
            List<OrderFacts> orders = List.of(AnOrder.approved(1).build(), AnOrder.approved(2).shownAsAnotherHolders("u2").build());

            // when
            CheckResult result = checker.check(orders, List.of(new AccountFacts("u1", OPENING, new BigDecimal("880"))));

            // then
            assertThat(result.violations()).extracting(Violation::subject).containsExactly("order 2 (ordinary)");
        }

        @Test
        void reportsANegativeBalanceAndAMissingAccount() {
            // when
            CheckResult result = checker.check(List.of(), List.of(new AccountFacts("u1", BigDecimal.ZERO, new BigDecimal("-1")),
                    new AccountFacts("u2", OPENING, null)));

            // then
            assertThat(result.violations()).extracting(Violation::rule).containsOnly("I4");
            assertThat(result.violations()).extracting(Violation::message)
                    .anySatisfy(message -> assertThat(message).contains("negative"))
                    .anySatisfy(message -> assertThat(message).contains("no account u2"));
        }
    }
}
