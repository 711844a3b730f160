-- Issue 9 (hardening). Attempt limits shared by every instance: one row per (scope, key) counts attempts in a
-- window; the count is incremented in the database before the slow or secret-revealing work, so concurrent
-- attempts cannot all pass a limit they read before any of them wrote. Rows whose window has passed are purged.
CREATE TABLE attempt_limits (
    scope      TEXT NOT NULL,            -- login.client, login.account_client, track.client, track.receipt, …
    subject    TEXT NOT NULL,            -- a keyed hash of what is counted (an address, a login name, a receipt)
    count      BIGINT NOT NULL,
    ends_at    BIGINT NOT NULL,          -- the window (or the back-off) ends at this instant
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (scope, subject)
);
CREATE INDEX attempt_limits_until ON attempt_limits(ends_at);

-- The login limiter counted here before; attempt_limits replaces it.
DROP TABLE login_failures;

-- A party's access to a filing is never granted by a matching ID number alone: the account's identity must have
-- been verified (by a clerk who saw the identity document, or a real-name provider), or the party links the matter
-- with a code the court served on them.
ALTER TABLE accounts ADD COLUMN identity_verified_at BIGINT;
ALTER TABLE accounts ADD COLUMN identity_verified_by TEXT;   -- 'clerk:<account id>' or 'provider:<name>'

CREATE TABLE party_links (
    filing_id   TEXT NOT NULL REFERENCES filings(id) ON DELETE CASCADE,
    party_index BIGINT NOT NULL,
    code_hash   TEXT NOT NULL,            -- keyed hash of the code; the code itself is shown once, to the clerk
    issued_by   TEXT NOT NULL REFERENCES accounts(id),
    issued_at   BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    used_by     TEXT REFERENCES accounts(id),
    used_at     BIGINT,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (filing_id, party_index)
);

