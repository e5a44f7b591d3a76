-- The deadline service's deadlines, one per order (the messaging tables come with V1, from the messaging module).

CREATE TABLE deadline (
    order_id   BIGINT NOT NULL PRIMARY KEY,
    due_at     BIGINT NOT NULL,
    state      VARCHAR(32) NOT NULL CHECK (state IN ('CANCELLED', 'FIRED', 'PENDING')),
    created_at BIGINT NOT NULL,
    closed_at  BIGINT
);
-- the pending deadlines due soon, for the sweep
CREATE INDEX deadline_due ON deadline (state, due_at);
