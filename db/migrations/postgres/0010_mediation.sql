-- Mediation (调解): the shared roster of mediation organisations and mediators, bookings with the other party's
-- consent, every change as an event, the agreement's signatures and the joint application for judicial
-- confirmation (司法确认).

CREATE TABLE mediation_orgs (
    code       TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    name_ko    TEXT,
    kind       TEXT NOT NULL,          -- people, property, finance, traffic, medical, insurance, lawyer, labour_union, womens_federation, commerce_chamber, grid, court_invited
    court_code TEXT NOT NULL REFERENCES courts(code),
    address    TEXT NOT NULL,          -- where in-person sessions are held
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE mediators (
    id            TEXT PRIMARY KEY,
    account_id    TEXT UNIQUE REFERENCES accounts(id),
    org_code      TEXT NOT NULL REFERENCES mediation_orgs(code),
    name          TEXT NOT NULL,
    court_code    TEXT NOT NULL REFERENCES courts(code),
    courts        TEXT NOT NULL,       -- JSON array of court codes served
    specialties   TEXT NOT NULL,       -- JSON array of cause codes
    languages     TEXT NOT NULL,       -- JSON array: zh, ko, mn …
    place         TEXT NOT NULL,
    title         TEXT NOT NULL,
    windows       TEXT NOT NULL,       -- JSON array of domain::slots::WeeklyWindow (Asia/Shanghai)
    capacity      BIGINT NOT NULL,
    rating_tenths BIGINT,
    active        BIGINT NOT NULL DEFAULT 1,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);
CREATE INDEX mediators_org ON mediators(org_code);

CREATE TABLE mediator_absences (
    id          TEXT PRIMARY KEY,
    mediator_id TEXT NOT NULL REFERENCES mediators(id) ON DELETE CASCADE,
    from_date   TEXT NOT NULL,         -- YYYY-MM-DD, both included
    to_date     TEXT NOT NULL,
    reason      TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX mediator_absences_mediator ON mediator_absences(mediator_id, from_date);

CREATE TABLE mediations (
    id                TEXT PRIMARY KEY,
    status            TEXT NOT NULL CHECK (status IN ('held', 'invited', 'scheduled', 'declined', 'expired', 'cancelled', 'settled', 'partly_settled', 'failed', 'filed')),
    cause             TEXT NOT NULL,
    court_code        TEXT NOT NULL REFERENCES courts(code),
    mediator_id       TEXT NOT NULL REFERENCES mediators(id),
    start_ms          BIGINT NOT NULL,
    end_ms            BIGINT NOT NULL,
    mode              TEXT NOT NULL CHECK (mode IN ('in_person', 'video')),
    place             TEXT NOT NULL,   -- the room's address, or empty for video
    summary_enc       TEXT NOT NULL,   -- the dispute in the requester's words (encrypted: it names people)
    requester_id      TEXT NOT NULL REFERENCES accounts(id),
    filing_id         TEXT REFERENCES filings(id),         -- the diverted filing it came from
    result_filing_id  TEXT REFERENCES filings(id),         -- the filing it became
    priority          BIGINT NOT NULL DEFAULT 0,           -- 涉企绿色通道
    invite_expires_at BIGINT,          -- held: the hold's end; invited: the invitation's
    period_from       TEXT NOT NULL,   -- YYYY-MM-DD: the 30-day period runs from here
    extension_days    BIGINT NOT NULL DEFAULT 0,
    extension_reason  TEXT,
    terms_json        TEXT,            -- the agreed terms (domain::mediation::Term), once recorded
    unsettled         TEXT,            -- what remains in dispute (partial agreement)
    outcome_note      TEXT,
    effective_on      TEXT,            -- the day the last party signed: the agreement took effect
    created_at        BIGINT NOT NULL,
    updated_at        BIGINT NOT NULL
);
-- Never two bookings in one slot: the database refuses the second active booking of a mediator's start time,
-- whatever the number of server instances.
CREATE UNIQUE INDEX mediations_one_per_slot ON mediations(mediator_id, start_ms) WHERE status IN ('held', 'invited', 'scheduled');
CREATE INDEX mediations_requester ON mediations(requester_id, created_at);
CREATE INDEX mediations_court ON mediations(court_code, status, start_ms);
CREATE INDEX mediations_filing ON mediations(filing_id);

-- The two sides. The respondent is found by account (mobile or credit code) or reached by a signed link.
CREATE TABLE mediation_parties (
    mediation_id      TEXT NOT NULL REFERENCES mediations(id) ON DELETE CASCADE,
    role              TEXT NOT NULL CHECK (role IN ('requester', 'respondent')),
    account_id        TEXT REFERENCES accounts(id),
    name_enc          TEXT NOT NULL,
    name_masked       TEXT NOT NULL,
    mobile_enc        TEXT,
    mobile_masked     TEXT,
    mobile_hash       TEXT,            -- keyed hash: binds the account that later logs in with this mobile
    answered_at       BIGINT,
    answer_reason     TEXT,
    signed_at         BIGINT,
    applied_at        BIGINT,
    created_at        BIGINT NOT NULL,
    updated_at        BIGINT NOT NULL,
    PRIMARY KEY (mediation_id, role)
);
CREATE INDEX mediation_parties_account ON mediation_parties(account_id);
CREATE INDEX mediation_parties_mobile ON mediation_parties(mobile_hash);

CREATE TABLE mediation_events (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mediation_id TEXT NOT NULL REFERENCES mediations(id) ON DELETE CASCADE,
    at           BIGINT NOT NULL,
    actor_id     TEXT,
    role         TEXT NOT NULL,
    action       TEXT NOT NULL,
    from_status  TEXT,
    to_status    TEXT NOT NULL,
    note         TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);
CREATE INDEX mediation_events_mediation ON mediation_events(mediation_id, id);

-- 司法确认 (民事诉讼法 第二百零五条、第二百零六条): one application per agreement, decided by a judge of the court.
CREATE TABLE confirmations (
    id           TEXT PRIMARY KEY,
    mediation_id TEXT NOT NULL UNIQUE REFERENCES mediations(id),
    court_code   TEXT NOT NULL REFERENCES courts(code),
    status       TEXT NOT NULL CHECK (status IN ('applying', 'pending', 'confirmed', 'refused')),
    deadline     TEXT NOT NULL,        -- the last day to apply (30 days from the agreement taking effect)
    case_number  TEXT UNIQUE,          -- （2026）吉0202民特1号
    judge_id     TEXT REFERENCES accounts(id),
    reasons      TEXT,
    decided_at   BIGINT,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);
CREATE INDEX confirmations_court ON confirmations(court_code, status);
