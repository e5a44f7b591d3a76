package io.deadlinesaga.point.ledger;

import java.math.BigDecimal;
import java.util.List;

import io.deadlinesaga.messaging.web.Paging;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The point ledger over HTTP: every deduction and refund, a page at a time, newest (highest id) first; filter by
 * orderId or userId.
 */
@RestController
@RequestMapping("/transactions")
class TransactionController {

    private final LedgerRepository ledger;

    TransactionController(LedgerRepository ledger) {
        this.ledger = ledger;
    }

    @GetMapping
    @Transactional(readOnly = true)
    List<TransactionView> list(@RequestParam(required = false) Long orderId,
            @RequestParam(required = false) String userId, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        Paging paging = Paging.of(page, size);
        List<LedgerEntry> entries = orderId != null ? ledger.findNewestByOrderId(orderId, paging)
                : userId != null ? ledger.findNewestByUserId(userId, paging)
                : ledger.findNewest(paging);
        return entries.stream().map(TransactionView::of).toList();
    }

    record TransactionView(long id, long orderId, String userId, EntryType type, BigDecimal point,
            BigDecimal balanceAfter, long createdAt) {

        static TransactionView of(LedgerEntry entry) {
            return new TransactionView(entry.getId(), entry.getOrderId(), entry.getUserId(), entry.getType(),
                    entry.getPoint(), entry.getBalanceAfter(), entry.getCreatedAt());
        }
    }
}
