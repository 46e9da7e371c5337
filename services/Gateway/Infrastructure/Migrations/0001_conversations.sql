-- Server-held conversations of the query API: each belongs to one principal of one tenant and one app; turns are
-- stored as the client saw them (the question after input redaction, the answer after the output rail).
CREATE TABLE conversations (
    id uuid PRIMARY KEY,
    tenant_id text NOT NULL,
    app_id text NOT NULL,
    principal_id text NOT NULL,
    title text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE INDEX conversations_owner ON conversations (tenant_id, principal_id, app_id, id);

CREATE TABLE conversation_turns (
    conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    ordinal integer NOT NULL,
    role text NOT NULL CHECK (role IN ('user', 'assistant')),
    content text NOT NULL,
    citations jsonb NOT NULL DEFAULT '[]',
    trace_id text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL,
    PRIMARY KEY (conversation_id, ordinal)
);
