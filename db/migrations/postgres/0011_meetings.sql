-- Video mediation rooms (在线视频调解). The room's state lives here, not in one server's memory, so people
-- connected to different server instances meet in the same room: who is waiting, who is in, who leads.

-- Besides the two parties and the mediator: agents and lawyers, interpreters, an observing clerk.
CREATE TABLE meeting_guests (
    id            TEXT PRIMARY KEY,     -- the participant id in the room and in their link
    mediation_id  TEXT NOT NULL REFERENCES mediations(id) ON DELETE CASCADE,
    role          TEXT NOT NULL CHECK (role IN ('agent', 'interpreter', 'clerk')),
    name_enc      TEXT NOT NULL,
    name_masked   TEXT NOT NULL,
    mobile_enc    TEXT,
    mobile_masked TEXT,
    account_id    TEXT REFERENCES accounts(id),
    language      TEXT NOT NULL,
    added_by      TEXT NOT NULL REFERENCES accounts(id),
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);
CREATE INDEX meeting_guests_mediation ON meeting_guests(mediation_id);

-- One per mediation once someone opens its room: the mediator leading it (a colleague of the same organisation may
-- take over) and whether it has been ended.
CREATE TABLE meetings (
    mediation_id   TEXT PRIMARY KEY REFERENCES mediations(id) ON DELETE CASCADE,
    host           TEXT,                -- participant id of the leading mediator
    host_account   TEXT REFERENCES accounts(id),
    ended_at       BIGINT,
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL
);

-- Each person's place in the room. `conn` numbers their connections (a new one replaces the old: a reload, a
-- reconnect after a dropped network); `connected` is 1 while a socket is open, `seen_at` its last heartbeat.
CREATE TABLE meeting_presence (
    mediation_id  TEXT NOT NULL REFERENCES mediations(id) ON DELETE CASCADE,
    participant   TEXT NOT NULL,
    role          TEXT NOT NULL,
    name          TEXT NOT NULL,        -- as shown in the room: officials in full, parties masked
    account_id    TEXT,
    state         TEXT NOT NULL CHECK (state IN ('lobby', 'admitted', 'removed')),
    conn          BIGINT NOT NULL,
    connected     BIGINT NOT NULL,
    muted         BIGINT NOT NULL DEFAULT 0,
    seen_at       BIGINT NOT NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    PRIMARY KEY (mediation_id, participant)
);

-- The room's text chat (encrypted: people write names and numbers in it).
CREATE TABLE meeting_chat (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mediation_id  TEXT NOT NULL REFERENCES mediations(id) ON DELETE CASCADE,
    participant   TEXT NOT NULL,
    name          TEXT NOT NULL,
    text_enc      TEXT NOT NULL,
    at            BIGINT NOT NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);
CREATE INDEX meeting_chat_mediation ON meeting_chat(mediation_id, id);

-- Signalling messages too large for a PostgreSQL notification (8000 bytes): the notification carries the row's id.
-- Kept minutes only.
CREATE TABLE meeting_relay (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    body          TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);
