-- The per-customer read model, built only from events. Ids, enums, numbers and times: no personal data.

-- When the segment was last set, so that events applied out of order (live consumer and rebuild
-- running side by side) keep the latest segment.
ALTER TABLE customer_profile ADD COLUMN segment_at timestamptz;

-- One row per touchpoint.
CREATE TABLE touchpoint (
    interaction_id uuid PRIMARY KEY,
    customer_id    uuid        NOT NULL,
    occurred_at    timestamptz NOT NULL,
    channel        varchar(20),
    department     varchar(20),
    type           varchar(20),
    case_id        uuid,
    rating_scale   varchar(10),
    rating_score   integer,
    sentiment      double precision
);
CREATE INDEX touchpoint_customer ON touchpoint (customer_id, occurred_at);
CREATE INDEX touchpoint_case ON touchpoint (case_id);

-- One row per case; its department path is the opening department then each handoff in time order.
CREATE TABLE case_journey (
    case_id           uuid PRIMARY KEY,
    customer_id       uuid        NOT NULL,
    opened_department varchar(20),
    opened_at         timestamptz,
    resolved_at       timestamptz
);
CREATE INDEX case_journey_customer ON case_journey (customer_id);

CREATE TABLE case_handoff (
    event_id        uuid PRIMARY KEY,
    case_id         uuid        NOT NULL,
    customer_id     uuid        NOT NULL,
    from_department varchar(20) NOT NULL,
    to_department   varchar(20) NOT NULL,
    handed_off_at   timestamptz NOT NULL
);
CREATE INDEX case_handoff_case ON case_handoff (case_id, handed_off_at);
CREATE INDEX case_handoff_customer ON case_handoff (customer_id);

CREATE TABLE goodwill_gesture (
    gesture_id  uuid PRIMARY KEY,
    customer_id uuid          NOT NULL,
    case_id     uuid,
    amount      numeric(12, 2),
    currency    varchar(3),
    status      varchar(20)   NOT NULL,
    granted_at  timestamptz   NOT NULL
);
CREATE INDEX goodwill_gesture_customer ON goodwill_gesture (customer_id);

-- The latest scoring of each customer; reasons, actions and metrics as JSON.
CREATE TABLE customer_insight (
    customer_id  uuid PRIMARY KEY,
    segment      varchar(40) NOT NULL,
    health_score integer     NOT NULL,
    churn_risk   varchar(10) NOT NULL,
    risk_rank    integer     NOT NULL,
    reasons      text        NOT NULL,
    actions      text        NOT NULL,
    metrics      text        NOT NULL,
    computed_at  timestamptz NOT NULL
);
CREATE INDEX customer_insight_rank ON customer_insight (risk_rank DESC, health_score, customer_id);
CREATE INDEX customer_insight_segment ON customer_insight (segment);

-- A merged duplicate points at its survivor, so that its late events join the survivor.
CREATE TABLE customer_alias (
    duplicate_id uuid PRIMARY KEY,
    survivor_id  uuid        NOT NULL,
    merged_at    timestamptz NOT NULL
);
CREATE INDEX customer_alias_survivor ON customer_alias (survivor_id);

-- Only the id of an erased customer, so that a late event cannot bring them back; nothing else.
CREATE TABLE erased_customer (
    customer_id uuid PRIMARY KEY,
    erased_at   timestamptz NOT NULL
);
