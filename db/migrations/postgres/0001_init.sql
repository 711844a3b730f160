-- Instants are UTC milliseconds since the Unix epoch (BIGINT): one representation for SQLite and PostgreSQL.
-- Money, when it comes, is integer fen.

CREATE TABLE courts (
    code        TEXT PRIMARY KEY,          -- 法院代字, e.g. 吉0202
    name        TEXT NOT NULL,
    name_ko     TEXT,
    name_en     TEXT,
    level       TEXT NOT NULL CHECK (level IN ('high', 'intermediate', 'basic', 'special')),
    parent_code TEXT REFERENCES courts(code),
    region      TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);

CREATE TABLE accounts (
    id                   TEXT PRIMARY KEY,
    kind                 TEXT NOT NULL CHECK (kind IN ('citizen', 'enterprise', 'lawyer', 'clerk', 'mediator', 'judge', 'court_admin')),
    login_name           TEXT NOT NULL UNIQUE,
    display_name         TEXT NOT NULL,
    password_hash        TEXT NOT NULL,
    mobile               TEXT,
    id_number_enc        TEXT,             -- resident ID number, encrypted (XChaCha20-Poly1305)
    id_number_hash       TEXT UNIQUE,      -- keyed hash (HMAC-SHA256) for look-ups
    id_number_masked     TEXT,
    uscc                 TEXT UNIQUE,
    legal_representative TEXT,
    contact_name         TEXT,
    licence_no           TEXT UNIQUE,
    law_firm             TEXT,
    court_code           TEXT REFERENCES courts(code),
    created_at           BIGINT NOT NULL,
    updated_at           BIGINT NOT NULL
);

CREATE TABLE sessions (
    id_hash      TEXT PRIMARY KEY,         -- SHA-256 of the cookie token; the token itself is never stored
    account_id   TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    ip           TEXT NOT NULL,
    user_agent   TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,          -- absolute time-out
    updated_at   BIGINT NOT NULL
);
CREATE INDEX sessions_account ON sessions(account_id);

CREATE TABLE login_failures (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    login_name TEXT NOT NULL,
    ip         TEXT NOT NULL,
    at         BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX login_failures_name ON login_failures(login_name, at);
CREATE INDEX login_failures_ip ON login_failures(ip, at);

CREATE TABLE audit_log (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         BIGINT NOT NULL,
    actor_id   TEXT,
    actor_ip   TEXT NOT NULL,
    action     TEXT NOT NULL,
    subject    TEXT NOT NULL,
    detail     TEXT NOT NULL,              -- personal data here is masked
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log(at);
