-- Knowledge bases: a tenant's document collections, each with a classification, an access list and its review rules.
CREATE TABLE knowledge_bases (
    id              uuid        PRIMARY KEY,
    tenant_id       text        NOT NULL,
    name            text        NOT NULL,
    description     text        NOT NULL DEFAULT '',
    classification  text        NOT NULL CHECK (classification IN ('internal', 'partner', 'customer', 'restricted')),
    access          text[]      NOT NULL DEFAULT '{}',
    approval_mode   text        NOT NULL CHECK (approval_mode IN ('required', 'automatic')),
    review_before   timestamptz,
    exclude_stale   boolean     NOT NULL DEFAULT false,
    findings_policy text        NOT NULL CHECK (findings_policy IN ('quarantine', 'redact', 'mark')),
    embedding_model text        NOT NULL DEFAULT '',
    -- Set by the first embedding; vectors of two embedders are never mixed in one knowledge base.
    embedder_id     text,
    version         integer     NOT NULL DEFAULT 1,
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    UNIQUE (tenant_id, name)
);

CREATE TABLE documents (
    id                 uuid        PRIMARY KEY,
    tenant_id          text        NOT NULL,
    knowledge_base_id  uuid        NOT NULL REFERENCES knowledge_bases (id),
    title              text        NOT NULL,
    source             text        NOT NULL DEFAULT '',
    tags               text[]      NOT NULL DEFAULT '{}',
    author             text        NOT NULL DEFAULT '',
    effective_date     timestamptz,
    -- Empty: the knowledge base's list alone applies.
    access             text[]      NOT NULL DEFAULT '{}',
    latest_version     bigint      NOT NULL DEFAULT 0,
    searchable_version bigint      NOT NULL DEFAULT 0,
    created_by         text        NOT NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);
CREATE INDEX documents_by_knowledge_base ON documents (knowledge_base_id, created_at, id);

-- One row per uploaded version. The unique content hash per document makes a repeated upload a no-op.
CREATE TABLE document_versions (
    document_id        uuid        NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    version            bigint      NOT NULL,
    knowledge_base_id  uuid        NOT NULL,
    content_hash       text        NOT NULL,
    file_name          text        NOT NULL,
    content_type       text        NOT NULL,
    format             text        NOT NULL,
    size_bytes         bigint      NOT NULL,
    approval_state     text        NOT NULL CHECK (approval_state IN ('pending', 'approved', 'rejected', 'superseded')),
    decided_by         text,
    decided_at         timestamptz,
    decision_reason    text,
    uploaded_by        text        NOT NULL,
    uploaded_at        timestamptz NOT NULL,
    indexed_at         timestamptz,
    chunk_count        integer     NOT NULL DEFAULT 0,
    quarantined_chunks integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (document_id, version),
    UNIQUE (document_id, content_hash)
);
CREATE INDEX document_versions_by_hash ON document_versions (knowledge_base_id, content_hash);

-- The original file, kept for re-ingestion. Stored out of line and uncompressed: most uploads are compressed already.
CREATE TABLE document_originals (
    document_id uuid   NOT NULL,
    version     bigint NOT NULL,
    content     bytea  NOT NULL,
    PRIMARY KEY (document_id, version),
    FOREIGN KEY (document_id, version) REFERENCES document_versions ON DELETE CASCADE
);
ALTER TABLE document_originals ALTER COLUMN content SET STORAGE EXTERNAL;

-- One job per version. No foreign key to the document: a deleted document's job stays (cancelled) so its URL answers.
CREATE TABLE ingestion_jobs (
    id                 uuid        PRIMARY KEY,
    tenant_id          text        NOT NULL,
    knowledge_base_id  uuid        NOT NULL,
    document_id        uuid        NOT NULL,
    version            bigint      NOT NULL,
    state              text        NOT NULL CHECK (state IN ('queued', 'running', 'waiting', 'completed', 'failed', 'cancelled')),
    stage              text        NOT NULL DEFAULT 'queued',
    chunked            boolean     NOT NULL DEFAULT false,
    chunks_total       integer     NOT NULL DEFAULT 0,
    chunks_done        integer     NOT NULL DEFAULT 0,
    chunks_quarantined integer     NOT NULL DEFAULT 0,
    chunks_flagged     integer     NOT NULL DEFAULT 0,
    attempts           integer     NOT NULL DEFAULT 0,
    failure_code       text,
    failure_reason     text,
    -- The message whose delivery failed for good: its redeliveries fail at once and end in the error queue.
    failed_message_id  uuid,
    next_attempt_at    timestamptz,
    requested_by       text        NOT NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    completed_at       timestamptz,
    UNIQUE (document_id, version)
);
CREATE INDEX ingestion_jobs_due ON ingestion_jobs (next_attempt_at) WHERE state = 'waiting';
CREATE INDEX ingestion_jobs_active ON ingestion_jobs (updated_at) WHERE state IN ('queued', 'running');

-- Chunks of a version between chunking and indexing, with the context scan's verdict. Quarantined chunks stay for
-- review; the others are removed once the version is indexed.
CREATE TABLE document_chunks (
    document_id  uuid    NOT NULL,
    version      bigint  NOT NULL,
    ordinal      integer NOT NULL,
    text         text    NOT NULL,
    token_count  integer NOT NULL,
    heading_path text[]  NOT NULL,
    page_start   integer,
    page_end     integer,
    section      text,
    start_offset integer NOT NULL,
    end_offset   integer NOT NULL,
    disposition  text    NOT NULL DEFAULT 'pending' CHECK (disposition IN ('pending', 'index', 'quarantine')),
    -- The text to index when the policy redacted it.
    indexed_text text,
    rule_ids     text[]  NOT NULL DEFAULT '{}',
    PRIMARY KEY (document_id, version, ordinal),
    FOREIGN KEY (document_id, version) REFERENCES document_versions ON DELETE CASCADE
);
