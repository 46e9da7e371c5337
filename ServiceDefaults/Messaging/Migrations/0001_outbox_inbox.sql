-- The transactional outbox: a row written in the same transaction as the state change it announces.
CREATE TABLE outbox_messages (
    sequence     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id   uuid        NOT NULL UNIQUE,
    message_type text        NOT NULL,
    aggregate_id text,
    body         jsonb       NOT NULL,
    trace_parent text,
    trace_state  text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    sent_at      timestamptz
);
CREATE INDEX outbox_messages_unsent ON outbox_messages (sequence) WHERE sent_at IS NULL;

-- The inbox: message ids a consumer has applied, recorded in the same transaction as the effect.
CREATE TABLE inbox_messages (
    message_id   uuid        NOT NULL,
    consumer     text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (message_id, consumer)
);
