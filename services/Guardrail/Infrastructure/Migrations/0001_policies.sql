-- Versioned guardrail policies per tenant and app. A version is never updated: a save inserts the next one.
-- The document is kept as text, exactly as saved and validated (jsonb would reorder it).
CREATE TABLE policies (
    tenant_id  text        NOT NULL,
    app_id     text        NOT NULL,
    version    integer     NOT NULL CHECK (version > 0),
    document   text        NOT NULL,
    created_at timestamptz NOT NULL,
    created_by text        NOT NULL,
    PRIMARY KEY (tenant_id, app_id, version)
);
