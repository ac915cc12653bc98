-- The segment decides the goodwill latitude; learned from CustomerRegistered / CustomerSegmentChanged.
ALTER TABLE known_customer ADD COLUMN segment varchar(40);

-- Touchpoints. Free text (summary, attributes) stays here and never goes into an event.
CREATE TABLE interaction (
    id              uuid PRIMARY KEY,
    customer_id     uuid          NOT NULL,
    occurred_at     timestamptz   NOT NULL,
    recorded_at     timestamptz   NOT NULL,
    channel         varchar(20)   NOT NULL,
    department      varchar(20)   NOT NULL,
    type            varchar(20)   NOT NULL,
    summary         varchar(2000),
    case_id         uuid,
    rating_scale    varchar(10),
    rating_score    integer,
    sentiment       double precision,
    -- numeric without a scale keeps the scale the caller gave ("12.50" stays "12.50").
    amount_value    numeric,
    amount_currency varchar(3),
    external_id     varchar(200),
    attributes      jsonb
);

-- A customer's timeline, newest first, with keyset pagination.
CREATE INDEX interaction_customer_timeline ON interaction (customer_id, occurred_at DESC, id DESC);
-- An external id names one touchpoint of one customer.
CREATE UNIQUE INDEX interaction_customer_external ON interaction (customer_id, external_id)
    WHERE external_id IS NOT NULL;
-- Contact count of a case.
CREATE INDEX interaction_case ON interaction (case_id) WHERE case_id IS NOT NULL;

-- A case: one problem's journey across departments ("case" is a reserved word).
CREATE TABLE support_case (
    id                 uuid PRIMARY KEY,
    customer_id        uuid          NOT NULL,
    subject            varchar(500)  NOT NULL,
    department         varchar(20)   NOT NULL,
    current_department varchar(20)   NOT NULL,
    status             varchar(20)   NOT NULL,
    opened_at          timestamptz   NOT NULL,
    opened_by          varchar(100)  NOT NULL,
    resolved_at        timestamptz,
    resolution         varchar(2000),
    resolved_by        varchar(100)
);
CREATE INDEX support_case_customer ON support_case (customer_id, opened_at DESC, id DESC);

CREATE TABLE case_handoff (
    id              uuid PRIMARY KEY,
    case_id         uuid          NOT NULL REFERENCES support_case (id) ON DELETE CASCADE,
    seq             integer       NOT NULL,
    from_department varchar(20)   NOT NULL,
    to_department   varchar(20)   NOT NULL,
    note            varchar(2000),
    handed_off_at   timestamptz   NOT NULL,
    handed_off_by   varchar(100)  NOT NULL,
    UNIQUE (case_id, seq)
);

-- Goodwill gestures granted by the front line on a case.
CREATE TABLE gesture (
    id              uuid PRIMARY KEY,
    case_id         uuid          NOT NULL REFERENCES support_case (id) ON DELETE CASCADE,
    customer_id     uuid          NOT NULL,
    amount_value    numeric       NOT NULL,
    amount_currency varchar(3)    NOT NULL,
    reason          varchar(2000),
    status          varchar(20)   NOT NULL,
    latitude        numeric       NOT NULL,
    granted_at      timestamptz   NOT NULL,
    granted_by      varchar(100)  NOT NULL,
    decided_at      timestamptz,
    decided_by      varchar(100),
    decision_note   varchar(2000)
);
CREATE INDEX gesture_status ON gesture (status, granted_at DESC, id DESC);
CREATE INDEX gesture_all ON gesture (granted_at DESC, id DESC);
CREATE INDEX gesture_customer ON gesture (customer_id);
