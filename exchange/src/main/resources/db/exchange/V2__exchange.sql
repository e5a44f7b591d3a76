-- The exchange service's exchanges, one per order (the messaging tables come with V1, from the messaging module).

CREATE TABLE exchange (
    order_id    BIGINT         NOT NULL PRIMARY KEY,
    user_id     VARCHAR(100)   NOT NULL,
    currency_id BIGINT         NOT NULL,
    amount      NUMERIC(19, 4) NOT NULL,
    rate        NUMERIC(19, 6) NOT NULL,
    point       NUMERIC(19, 4) NOT NULL,
    state       VARCHAR(32) NOT NULL CHECK (state IN ('CLOSED', 'COMPENSATED', 'EXCHANGED')),
    updated_at  BIGINT         NOT NULL
);
