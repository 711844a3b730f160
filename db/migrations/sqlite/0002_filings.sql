-- 网上立案: filings, their events, the case-number sequences and who may see a filing.

CREATE TABLE filings (
    id                   TEXT PRIMARY KEY,
    filer_id             TEXT NOT NULL REFERENCES accounts(id),
    status               TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'correction_requested', 'registered', 'refused', 'diverted')),
    cause                TEXT NOT NULL,
    draft_json           TEXT NOT NULL,     -- exactly what the filer typed (domain::filing::FilingDraft)
    court_code           TEXT REFERENCES courts(code),  -- where it was filed (may be nearer than the competent court)
    competent_court_code TEXT REFERENCES courts(code),
    receipt_no           TEXT UNIQUE,
    query_code_hash      TEXT,
    submitted_at         BIGINT,
    review_deadline      TEXT,              -- YYYY-MM-DD, Asia/Shanghai, counted as the Civil Procedure Law counts
    case_number          TEXT UNIQUE,
    fee_table_version    TEXT,
    fee_total_fen        BIGINT,
    created_at           BIGINT NOT NULL,
    updated_at           BIGINT NOT NULL
);
CREATE INDEX filings_filer ON filings(filer_id);
CREATE INDEX filings_queue ON filings(competent_court_code, status, submitted_at);

CREATE TABLE filing_events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    filing_id   TEXT NOT NULL REFERENCES filings(id) ON DELETE CASCADE,
    at          BIGINT NOT NULL,
    actor_id    TEXT,
    action      TEXT NOT NULL,
    from_status TEXT,
    to_status   TEXT NOT NULL,
    note        TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX filing_events_filing ON filing_events(filing_id, id);

-- One row per court, case type and year; the number a registration takes is last_seq after its increment, inside
-- the registering transaction, so a rolled-back registration leaves no gap and two clerks never share a number.
CREATE TABLE case_sequences (
    court_code TEXT NOT NULL REFERENCES courts(code),
    case_type  TEXT NOT NULL,
    year       BIGINT NOT NULL,
    last_seq   BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (court_code, case_type, year)
);

-- Accounts besides the filer that may see a filing: its parties and their lawyers.
CREATE TABLE filing_access (
    filing_id  TEXT NOT NULL REFERENCES filings(id) ON DELETE CASCADE,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    role       TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (filing_id, account_id)
);
CREATE INDEX filing_access_account ON filing_access(account_id);
