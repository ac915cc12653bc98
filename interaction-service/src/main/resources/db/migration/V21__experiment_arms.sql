-- Experiments insight-service designs (topic experiment-events), as far as goodwill needs them:
-- each arm's name, weight and, when it grants one, its latitude per currency, in the order the
-- design lists them, e.g. [{"name": "control", "weight": 1, "latitude": {}},
-- {"name": "generous", "weight": 1, "latitude": {"EUR": "50.00"}}]; and the dates.
-- Events of one experiment may come in any order: a stop seen before the design makes the row,
-- with arms and starts_at null until the design arrives.
CREATE TABLE experiment (
    id         uuid PRIMARY KEY,
    arms       jsonb,
    starts_at  timestamptz,
    ends_at    timestamptz,
    stopped_at timestamptz
);

-- Who takes part, as insight-service enrols them (only it knows who matches the population).
-- No foreign key: an enrolment may arrive before its experiment's design. Whether it applies is
-- decided when read, by joining the experiment. The arm is computed from the experiment's arms
-- (module experiments); announced_arm, the one insight-service named, is kept only to warn when
-- the two disagree.
CREATE TABLE experiment_enrolment (
    experiment_id uuid        NOT NULL,
    customer_id   uuid        NOT NULL,
    enrolled_at   timestamptz NOT NULL,
    announced_arm varchar(60) NOT NULL,
    PRIMARY KEY (experiment_id, customer_id)
);
-- A customer's experiments, earliest enrolment first (the one whose latitude wins).
CREATE INDEX experiment_enrolment_customer ON experiment_enrolment (customer_id, enrolled_at);
