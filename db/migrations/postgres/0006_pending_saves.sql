-- A wizard step posted after the session expired: kept (encrypted) until the filer logs in again, then applied to
-- the draft, so no answer is lost to an expired session. The browser holds a random token; this holds its SHA-256.
CREATE TABLE pending_saves (
    id_hash     TEXT PRIMARY KEY,
    filing_id   TEXT NOT NULL REFERENCES filings(id) ON DELETE CASCADE,
    step        TEXT NOT NULL,
    body_enc    TEXT NOT NULL,
    expires_at  BIGINT NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX pending_saves_expires ON pending_saves (expires_at);
