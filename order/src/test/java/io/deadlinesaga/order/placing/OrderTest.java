package io.deadlinesaga.order.placing;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderTest {

    private static final long CREATED = 1_000;
    private static final long DECIDED = 2_000;
    private static final long LATER = 3_000;

    @Test
    void isPendingWhenPlaced() {
        // when
        Order order = aPendingOrder();

        // then
        assertThat(order.getStatus()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.getReason()).isNull();
        assertThat(order.getDecidedAt()).isNull();
        assertThat(order.getCompensatedAt()).isNull();
    }

    @Test
    void approvesAPendingOrder() {
        // given
        Order order = aPendingOrder();

        // when
        boolean approved = order.approve(DECIDED);

        // then
        assertThat(approved).isTrue();
        assertThat(order.getStatus()).isEqualTo(OrderStatus.APPROVED);
        assertThat(order.getReason()).isNull();
        assertThat(order.getDecidedAt()).isEqualTo(DECIDED);
    }

    @Test
    void neverApprovesAfterItsOwnDeadline() {
        // given
        Order order = aPendingOrder();

        // when
        boolean approved = order.approve(order.getDeadline() + 1);

        // then
        assertThat(approved).isFalse();
        assertThat(order.isPastDeadline(order.getDeadline() + 1)).isTrue();
        assertThat(order.getStatus()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void approvesAtItsDeadlineStill() {
        // given
        Order order = aPendingOrder();

        // when
        boolean approved = order.approve(order.getDeadline());

        // then
        assertThat(approved).isTrue();
    }

    @Test
    void rejectsAPendingOrderAndKeepsTheReason() {
        // given
        Order order = aPendingOrder();

        // when
        boolean rejected = order.reject(RejectionReason.DEADLINE, "not decided within the deadline", DECIDED);

        // then
        assertThat(rejected).isTrue();
        assertThat(order.getStatus()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.getReason()).isEqualTo(RejectionReason.DEADLINE);
        assertThat(order.getDetail()).isEqualTo("not decided within the deadline");
        assertThat(order.getDecidedAt()).isEqualTo(DECIDED);
    }

    @Test
    void neverApprovesARejectedOrder() {
        // given
        Order order = aRejectedOrder(RejectionReason.POINT_LIMIT);

        // when
        boolean approved = order.approve(LATER);

        // then
        assertThat(approved).isFalse();
        assertThat(order.getStatus()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.getReason()).isEqualTo(RejectionReason.POINT_LIMIT);
        assertThat(order.getDecidedAt()).isEqualTo(DECIDED);
    }

    @Test
    void neverRejectsAnApprovedOrder() {
        // given
        Order order = anApprovedOrder();

        // when
        boolean rejected = order.reject(RejectionReason.DEADLINE, "too late", LATER);

        // then
        assertThat(rejected).isFalse();
        assertThat(order.getStatus()).isEqualTo(OrderStatus.APPROVED);
        assertThat(order.getReason()).isNull();
        assertThat(order.getDetail()).isNull();
        assertThat(order.getDecidedAt()).isEqualTo(DECIDED);
    }

    @Test
    void approvesOnlyOnce() {
        // given
        Order order = anApprovedOrder();

        // when
        boolean approvedAgain = order.approve(LATER);

        // then
        assertThat(approvedAgain).isFalse();
        assertThat(order.getStatus()).isEqualTo(OrderStatus.APPROVED);
        assertThat(order.getDecidedAt()).isEqualTo(DECIDED);
    }

    @Test
    void keepsTheFirstReasonWhenRejectedAgain() {
        // given
        Order order = aRejectedOrder(RejectionReason.EXCHANGE_ERROR);

        // when
        boolean rejectedAgain = order.reject(RejectionReason.DEADLINE, "too late", LATER);

        // then
        assertThat(rejectedAgain).isFalse();
        assertThat(order.getReason()).isEqualTo(RejectionReason.EXCHANGE_ERROR);
        assertThat(order.getDetail()).isEqualTo(reasonInWords(RejectionReason.EXCHANGE_ERROR));
        assertThat(order.getDecidedAt()).isEqualTo(DECIDED);
    }

    @Test
    void recordsTheCompensationOfARejectedOrder() {
        // given
        Order order = aRejectedOrder(RejectionReason.POINT_LIMIT);

        // when
        boolean compensated = order.compensated(LATER);

        // then
        assertThat(compensated).isTrue();
        assertThat(order.getCompensatedAt()).isEqualTo(LATER);
    }

    @Test
    void compensationLeavesTheRejectionAsItWas() {
        // given
        Order order = aRejectedOrder(RejectionReason.DEADLINE);

        // when
        order.compensated(LATER);

        // then
        assertThat(order.getStatus()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.getReason()).isEqualTo(RejectionReason.DEADLINE);
        assertThat(order.getDecidedAt()).isEqualTo(DECIDED);
    }

    @Test
    void recordsTheCompensationOnlyOnce() {
        // given
        Order order = aRejectedOrder(RejectionReason.POINT_LIMIT);
        order.compensated(LATER);

        // when
        boolean compensatedAgain = order.compensated(LATER + 1);

        // then
        assertThat(compensatedAgain).isFalse();
        assertThat(order.getCompensatedAt()).isEqualTo(LATER);
    }

    @Test
    void neverCompensatesAnApprovedOrder() {
        // given
        Order order = anApprovedOrder();

        // when
        boolean compensated = order.compensated(LATER);

        // then
        assertThat(compensated).isFalse();
        assertThat(order.getCompensatedAt()).isNull();
        assertThat(order.getStatus()).isEqualTo(OrderStatus.APPROVED);
    }

    @Test
    void neverCompensatesAPendingOrder() {
        // given
        Order order = aPendingOrder();

        // when
        boolean compensated = order.compensated(LATER);

        // then
        assertThat(compensated).isFalse();
        assertThat(order.getCompensatedAt()).isNull();
        assertThat(order.getStatus()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void remembersThatItsExchangeIsDone() {
        // given
        Order order = aPendingOrder();

        // when
        boolean noted = order.exchanged(DECIDED);

        // then
        assertThat(noted).isTrue();
        assertThat(order.isExchanged()).isTrue();
        assertThat(order.getStatus()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void notesTheExchangeOnlyOnce() {
        // given
        Order order = aPendingOrder();
        order.exchanged(DECIDED);

        // when
        boolean notedAgain = order.exchanged(LATER);

        // then
        assertThat(notedAgain).isFalse();
        assertThat(order.getExchangedAt()).isEqualTo(DECIDED);
    }

    @Test
    void isNotExchangedWhenPlaced() {
        // when
        Order order = aPendingOrder();

        // then
        assertThat(order.isExchanged()).isFalse();
    }

    private static Order aPendingOrder() {
        return new Order("jjy", 1, new BigDecimal("500"), CREATED, CREATED + 10_000, null);
    }

    private static Order anApprovedOrder() {
        Order order = aPendingOrder();
        order.approve(DECIDED);
        return order;
    }

    private static Order aRejectedOrder(RejectionReason reason) {
        Order order = aPendingOrder();
        order.reject(reason, reasonInWords(reason), DECIDED);
        return order;
    }

    private static String reasonInWords(RejectionReason reason) {
        return "rejected for " + reason;
    }
}
