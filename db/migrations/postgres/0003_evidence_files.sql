-- Evidence files attached to a filing. The bytes live in the file store (a directory here, object storage when the
-- portal runs on several machines); the database keeps what is needed to check, list and serve them.
CREATE TABLE evidence_files (
    id           TEXT PRIMARY KEY,
    filing_id    TEXT NOT NULL REFERENCES filings(id) ON DELETE CASCADE,
    owner_id     TEXT NOT NULL REFERENCES accounts(id),
    label        TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes   BIGINT NOT NULL,
    sha256       TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);
CREATE INDEX evidence_files_filing ON evidence_files(filing_id);
