-- Service requests (诉讼服务请求, the 12368 functions online): a person's request to a court, its messages (the
-- request, answers, the one reply, transfers, the closing), and the rating. Texts are encrypted at rest.

CREATE TABLE service_requests (
    id              TEXT PRIMARY KEY,
    requester_id    TEXT NOT NULL REFERENCES accounts(id),
    kind            TEXT NOT NULL CHECK (kind IN ('consultation', 'enquiry', 'contact', 'appointment', 'transfer', 'complaint')),
    court_code      TEXT NOT NULL,          -- the court that must answer now (changes on transfer)
    department      TEXT NOT NULL DEFAULT '',
    subject_enc     TEXT NOT NULL,
    case_ref        TEXT NOT NULL DEFAULT '',
    cannot_get_done BIGINT NOT NULL DEFAULT 0,   -- 办不成事反映
    status          TEXT NOT NULL CHECK (status IN ('open', 'answered', 'closed')),
    due_at          BIGINT NOT NULL,        -- the promised answer time of the current turn (UTC ms)
    replied         BIGINT NOT NULL DEFAULT 0,
    rating          BIGINT CHECK (rating BETWEEN 1 AND 5),
    rating_reason_enc TEXT,
    unread          BIGINT NOT NULL DEFAULT 0,   -- an answer the person has not opened yet
    version         BIGINT NOT NULL DEFAULT 0,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);
CREATE INDEX service_requests_requester ON service_requests(requester_id, created_at);
CREATE INDEX service_requests_queue ON service_requests(court_code, status, due_at);

CREATE TABLE service_request_messages (
    request_id  TEXT NOT NULL REFERENCES service_requests(id) ON DELETE CASCADE,
    seq         BIGINT NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('submit', 'answer', 'reply', 'transfer', 'close', 'rate')),
    author_id   TEXT NOT NULL REFERENCES accounts(id),
    body_enc    TEXT NOT NULL,
    from_court  TEXT NOT NULL DEFAULT '',
    to_court    TEXT NOT NULL DEFAULT '',
    at          BIGINT NOT NULL,
    PRIMARY KEY (request_id, seq)
);
