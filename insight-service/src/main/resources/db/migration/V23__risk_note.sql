-- Calibration: every customer's churn risk is noted once per outcome window (the risk and segment
-- insight gives them at noted_at), and when the window has passed (closes_at) whether the customer
-- then churned: cancelled within it, or silent at its close. Like outcome_follow, these rows are
-- measurements taken as time passed: a rebuild of the read model keeps them.
CREATE TABLE risk_note (
    id          uuid PRIMARY KEY,
    customer_id uuid        NOT NULL,
    segment     varchar(40) NOT NULL,
    churn_risk  varchar(10) NOT NULL CHECK (churn_risk IN ('LOW', 'MEDIUM', 'HIGH')),
    noted_at    timestamptz NOT NULL,
    -- noted_at + the outcome window.
    closes_at   timestamptz NOT NULL,
    status      varchar(6)  NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    churned     boolean,
    closed_at   timestamptz,
    CHECK ((status = 'OPEN') = (churned IS NULL AND closed_at IS NULL))
);
-- At most one open note per customer: the schedule notes only customers without one.
CREATE UNIQUE INDEX risk_note_open ON risk_note (customer_id) WHERE status = 'OPEN';
-- The notes the schedule closes next.
CREATE INDEX risk_note_due ON risk_note (closes_at) WHERE status = 'OPEN';
-- The report: closed notes per segment and risk.
CREATE INDEX risk_note_report ON risk_note (segment, churn_risk) WHERE status = 'CLOSED';
-- A merge moves and an erasure deletes a customer's notes.
CREATE INDEX risk_note_customer ON risk_note (customer_id);
