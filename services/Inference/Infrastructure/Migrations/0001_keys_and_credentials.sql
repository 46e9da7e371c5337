-- The Data Protection key ring: XML elements, each key itself encrypted with the key-encryption certificate.
CREATE TABLE data_protection_keys (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    friendly_name text NOT NULL,
    xml text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Provider credentials (API keys of internal runtimes), protected with Data Protection; never stored in clear.
CREATE TABLE provider_credentials (
    name text PRIMARY KEY,
    protected_value text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
