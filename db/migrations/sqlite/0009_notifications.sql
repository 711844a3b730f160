-- Notifications and password resets.
--
-- The outbox: every short message the portal sends to a person (a password-reset code, a re-issued query code) is
-- a row here first. An operator's SMS gateway reads the rows not yet sent (`server outbox`) and delivers them;
-- e-mail goes by SMTP when PORTAL_SMTP_URL is set, and stays here for the gateway when sending fails. The recipient
-- is kept masked for display and encrypted for delivery; the body (which carries a code) only encrypted.
CREATE TABLE notifications (
    id               TEXT PRIMARY KEY,
    account_id       TEXT REFERENCES accounts(id) ON DELETE SET NULL,
    channel          TEXT NOT NULL CHECK (channel IN ('sms', 'email')),
    purpose          TEXT NOT NULL,       -- password_reset, query_code
    recipient_masked TEXT NOT NULL,       -- 138****0001, z***@example.cn
    recipient_enc    TEXT NOT NULL,       -- encrypted (XChaCha20-Poly1305), for the gateway
    body_enc         TEXT NOT NULL,       -- encrypted: never a clear code at rest
    created_at       BIGINT NOT NULL,
    sent_at          BIGINT,              -- handed to the gateway or the mail server
    sent_via         TEXT,                -- gateway | smtp
    updated_at       BIGINT NOT NULL
);
CREATE INDEX notifications_pending ON notifications(sent_at, created_at);
CREATE INDEX notifications_account ON notifications(account_id, created_at);

-- One live password-reset code per account: a new request replaces it. Only its keyed hash is kept (bound to the
-- account), with its end and the wrong tries it has had; using it deletes it.
CREATE TABLE password_resets (
    account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
    code_hash  TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    attempts   BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- Where an account without a mobile number (court staff) gets its password-reset code.
ALTER TABLE accounts ADD COLUMN email TEXT;
