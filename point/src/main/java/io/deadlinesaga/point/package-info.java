/**
 * The point service: holders' point accounts ({@code accounts}) and the ledger of what was deducted and
 * refunded for each order ({@code ledger}), at most one of each per order.
 */
package io.deadlinesaga.point;
