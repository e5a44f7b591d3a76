package io.deadlinesaga.order.decision;

import io.deadlinesaga.order.placing.RejectionReason;

/** How a refusal by the point service becomes the order's rejection reason. */
final class PointRefusals {

    static final String INSUFFICIENT_POINTS = "INSUFFICIENT_POINTS";

    private PointRefusals() {
    }

    static RejectionReason reasonFor(String pointReason) {
        return INSUFFICIENT_POINTS.equals(pointReason) ? RejectionReason.POINT_LIMIT : RejectionReason.POINT_ERROR;
    }
}
