CREATE TABLE tenants (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL,
    plan        text        NOT NULL DEFAULT 'standard',
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- No two tenants may bind the same issuer and audience pair.
CREATE TABLE identity_providers (
    issuer       text NOT NULL,
    audience     text NOT NULL,
    tenant_id    uuid NOT NULL REFERENCES tenants ON DELETE CASCADE,
    groups_claim text NOT NULL DEFAULT 'groups',
    PRIMARY KEY (issuer, audience)
);

CREATE TABLE users (
    id                uuid PRIMARY KEY,
    tenant_id         uuid        NOT NULL REFERENCES tenants ON DELETE CASCADE,
    email             text        NOT NULL DEFAULT '',
    display_name      text        NOT NULL DEFAULT '',
    issuer            text,
    subject           text,
    disabled          boolean     NOT NULL DEFAULT false,
    platform_operator boolean     NOT NULL DEFAULT false,
    created_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, issuer, subject)
);

CREATE TABLE groups (
    id          uuid PRIMARY KEY,
    tenant_id   uuid NOT NULL REFERENCES tenants ON DELETE CASCADE,
    name        text NOT NULL,
    external_id text,
    UNIQUE (tenant_id, name),
    UNIQUE (tenant_id, external_id)
);

CREATE TABLE group_members (
    group_id uuid NOT NULL REFERENCES groups ON DELETE CASCADE,
    user_id  uuid NOT NULL REFERENCES users ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
);

CREATE TABLE role_assignments (
    user_id uuid NOT NULL REFERENCES users ON DELETE CASCADE,
    role    text NOT NULL CHECK (role IN ('owner', 'admin', 'builder', 'approver', 'editor', 'member')),
    scope   text NOT NULL DEFAULT '',
    PRIMARY KEY (user_id, role, scope)
);

CREATE TABLE apps (
    id               uuid PRIMARY KEY,
    tenant_id        uuid        NOT NULL REFERENCES tenants ON DELETE CASCADE,
    name             text        NOT NULL,
    system_prompt    text        NOT NULL DEFAULT '',
    knowledge_bases  text[]      NOT NULL DEFAULT '{}',
    guardrail_policy text        NOT NULL DEFAULT 'default',
    model            text        NOT NULL DEFAULT 'extractive',
    audience         text        NOT NULL CHECK (audience IN ('internal', 'partner', 'customer')),
    limits           jsonb       NOT NULL DEFAULT '{}',
    audit_text       text        NOT NULL DEFAULT 'hashed' CHECK (audit_text IN ('off', 'hashed', 'full')),
    version          integer     NOT NULL DEFAULT 1,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, name)
);

CREATE TABLE app_grants (
    app_id     uuid NOT NULL REFERENCES apps ON DELETE CASCADE,
    kind       text NOT NULL CHECK (kind IN ('group', 'user')),
    grantee_id uuid NOT NULL,
    PRIMARY KEY (app_id, kind, grantee_id)
);

-- Keys are stored only as a keyed digest (HMAC-SHA256 with a key held outside the database).
CREATE TABLE api_keys (
    id                uuid PRIMARY KEY,
    tenant_id         uuid        NOT NULL REFERENCES tenants ON DELETE CASCADE,
    name              text        NOT NULL,
    app_id            uuid REFERENCES apps ON DELETE CASCADE,
    user_id           uuid REFERENCES users ON DELETE CASCADE,
    digest            bytea       NOT NULL UNIQUE,
    prefix            text        NOT NULL,
    scopes            text[]      NOT NULL,
    allowed_addresses text[]      NOT NULL DEFAULT '{}',
    expires_at        timestamptz,
    bootstrap         boolean     NOT NULL DEFAULT false,
    created_by        text        NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    last_used_at      timestamptz,
    revoked_at        timestamptz,
    CHECK ((app_id IS NULL) <> (user_id IS NULL))
);
CREATE INDEX api_keys_tenant ON api_keys (tenant_id, created_at);

-- Assertion signing keys: the private half encrypted with the key-encryption key from configuration.
CREATE TABLE signing_keys (
    kid                   text PRIMARY KEY,
    encrypted_private_key bytea       NOT NULL,
    public_jwk            text        NOT NULL,
    created_at            timestamptz NOT NULL DEFAULT now(),
    signs_from            timestamptz NOT NULL,
    signs_until           timestamptz NOT NULL,
    published_until       timestamptz NOT NULL
);
