-- Each action taken follows its customer through the outcome window (kind ACTED), beside up to a
-- few customers of the same segment and churn risk at that moment on whom nobody acted (kind
-- COMPARISON). When the window ends (closes_at), the outcome is measured and the row closed.
-- These rows are measurements taken as time passed: a rebuild of the read model keeps them.
CREATE TABLE outcome_follow (
    -- ACTED: the action's id; COMPARISON: a name-based UUID of (action id, customer id).
    id            uuid PRIMARY KEY,
    action_id     uuid        NOT NULL,
    kind          varchar(12) NOT NULL CHECK (kind IN ('ACTED', 'COMPARISON')),
    customer_id   uuid        NOT NULL,
    code          varchar(40) NOT NULL,
    -- The acted customer's segment and risk when the action was taken.
    segment       varchar(40) NOT NULL,
    churn_risk    varchar(10),
    health_before integer,
    opened_at     timestamptz NOT NULL,
    closes_at     timestamptz NOT NULL,
    -- FOLLOWING until closes_at; then CLOSED, or EXCLUDED for a comparison customer someone acted
    -- on within the window.
    status        varchar(12) NOT NULL CHECK (status IN ('FOLLOWING', 'CLOSED', 'EXCLUDED')),
    closed_at     timestamptz,
    retained      boolean,
    health_after  integer,
    rating_scale  varchar(10),
    rating_score  integer,
    new_complaint boolean
);
-- The windows the schedule closes next.
CREATE INDEX outcome_follow_due ON outcome_follow (closes_at) WHERE status = 'FOLLOWING';
-- Who was acted on recently (comparison customers must not have been).
CREATE INDEX outcome_follow_customer ON outcome_follow (customer_id, opened_at);
-- The report: per action code and segment, over the time actions were taken.
CREATE INDEX outcome_follow_report ON outcome_follow (opened_at, code, segment);
