-- The audit trail: one chain of records in a gap-free sequence, each carrying an HMAC over its content and the
-- previous record's HMAC. The HMAC key is held outside the database (configuration or a Kubernetes Secret).
CREATE TABLE audit_events (
    sequence           bigint      PRIMARY KEY,
    kind               smallint    NOT NULL,          -- 0 event, 1 purge (set by the chain writer only)
    recorded_at        timestamptz NOT NULL,
    event_id           uuid        NOT NULL UNIQUE,   -- idempotency: a redelivered event is stored once
    occurred_at        timestamptz NOT NULL,
    tenant_id          text        NOT NULL,
    actor_kind         text        NOT NULL,
    actor_id           text        NOT NULL,
    actor_on_behalf_of text,
    action             text        NOT NULL,
    target             text,
    outcome            text        NOT NULL,
    reason             text,
    client_address     text,
    app_id             text,
    trace_id           text,
    span_id            text,
    details            jsonb       NOT NULL,
    previous_hmac      bytea       NOT NULL,
    hmac               bytea       NOT NULL
);
CREATE INDEX audit_events_tenant_sequence ON audit_events (tenant_id, sequence);
CREATE INDEX audit_events_tenant_occurred ON audit_events (tenant_id, occurred_at);
CREATE INDEX audit_events_tenant_trace ON audit_events (tenant_id, trace_id) WHERE trace_id IS NOT NULL;

-- Runs of records a retention purge removed, each attested by the purge's own record in the chain (a digest of its
-- tombstones sits in that record's HMAC-covered details). Verification carries the chain across a run with its
-- last HMAC; a deletion without an attested tombstone is reported as missing.
CREATE TABLE audit_tombstones (
    first_sequence bigint PRIMARY KEY,
    last_sequence  bigint NOT NULL UNIQUE,
    last_hmac      bytea  NOT NULL,
    purge_sequence bigint NOT NULL,
    CHECK (first_sequence <= last_sequence),
    CHECK (last_sequence < purge_sequence)
);

-- Append-only. The service's role owns this schema, and an owner can always grant itself the privileges back or
-- drop the triggers, so these guards stop mistakes and injected DML rather than a determined owner: the HMAC chain,
-- keyed from outside the database, and the checkpoints are the tamper evidence. A separate migration role owning
-- the tables, with the service role granted only INSERT and SELECT, would make the guard real.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events, audit_tombstones FROM PUBLIC, CURRENT_USER;

CREATE FUNCTION audit_refuse_change() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    RAISE EXCEPTION 'audit records are append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

-- The one controlled deletion: the retention purge writes tombstones covering the records first, then deletes them.
CREATE FUNCTION audit_guard_delete() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM (
            SELECT last_sequence FROM audit_tombstones
            WHERE first_sequence <= OLD.sequence ORDER BY first_sequence DESC LIMIT 1) t
        WHERE t.last_sequence >= OLD.sequence) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit record % cannot be deleted: no purge recorded its removal', OLD.sequence
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_events_guard_delete BEFORE DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_guard_delete();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_tombstones_no_change BEFORE UPDATE OR DELETE ON audit_tombstones
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_tombstones_no_truncate BEFORE TRUNCATE ON audit_tombstones
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
