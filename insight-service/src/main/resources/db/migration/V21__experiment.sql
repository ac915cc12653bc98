-- Experiments: customers of a population are assigned to arms by a hash of the experiment and
-- customer ids (module experiments), so no assignment is stored; an arm's treatment is an action
-- to recommend, a goodwill latitude, or nothing.
CREATE TABLE experiment (
    id          uuid PRIMARY KEY,
    name        varchar(200)  NOT NULL,
    hypothesis  varchar(2000),
    -- Who takes part: a segment, a lowest churn risk, a reason code; each optional.
    segment     varchar(40),
    min_risk    varchar(10),
    reason_code varchar(60),
    -- [{"name": "callBack", "weight": 1, "treatment": {"action": "PROACTIVE_OUTREACH"}}, ...]
    arms        text          NOT NULL,
    outcome     varchar(20)   NOT NULL,
    starts_at   timestamptz   NOT NULL,
    ends_at     timestamptz,
    created_at  timestamptz   NOT NULL,
    created_by  varchar(100)  NOT NULL,
    stopped_at  timestamptz,
    stopped_by  varchar(100)
);
