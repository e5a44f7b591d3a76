-- The saga view's own store, made on every start (each statement does nothing when its object exists).

-- every event the view has read, one row per record of the topic or of its dead-letter topic
CREATE TABLE IF NOT EXISTS saga_event (
    dead_letter     BOOLEAN      NOT NULL, -- read from the dead-letter topic: an event that failed for good
    topic_partition INT          NOT NULL,
    record_offset   BIGINT       NOT NULL,
    order_id        BIGINT       NOT NULL,
    event_type      VARCHAR(64)  NOT NULL,
    written_at      BIGINT       NOT NULL, -- the record's timestamp, epoch ms
    event_id        VARCHAR(64)  NOT NULL,
    fields          VARCHAR      NOT NULL, -- the event's own fields beyond the envelope, as JSON
    PRIMARY KEY (dead_letter, topic_partition, record_offset)
);
CREATE INDEX IF NOT EXISTS saga_event_by_order ON saga_event (order_id);
-- the oldest events, for the retention
CREATE INDEX IF NOT EXISTS saga_event_by_time ON saga_event (written_at);

-- one row per saga: its verdict as of its last audit
CREATE TABLE IF NOT EXISTS saga_verdict (
    order_id    BIGINT       NOT NULL PRIMARY KEY,
    verdict     VARCHAR(16)  NOT NULL,
    order_state VARCHAR(16)  NOT NULL,
    violations  VARCHAR      NOT NULL, -- the broken rules, as a JSON array
    recheck_at  BIGINT                 -- when the clock alone may change the verdict, epoch ms; null: never
);
-- the list of sagas with one verdict, newest order first (GET /sagas?verdict=...)
CREATE INDEX IF NOT EXISTS saga_verdict_by_verdict ON saga_verdict (verdict, order_id DESC);
-- the sagas whose recheck time has come
CREATE INDEX IF NOT EXISTS saga_verdict_by_recheck ON saga_verdict (recheck_at);

-- where the view is in each partition: the offset of the next record to read, written with the events
CREATE TABLE IF NOT EXISTS view_position (
    topic           VARCHAR(255) NOT NULL,
    topic_partition INT          NOT NULL,
    next_offset     BIGINT       NOT NULL,
    PRIMARY KEY (topic, topic_partition)
);
