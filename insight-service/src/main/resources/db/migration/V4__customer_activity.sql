-- A running tally of each customer's touchpoints, kept as they are recorded, so that scoring a
-- customer does not re-read a history that only grows (ActivityTally). Ids, counts and times only.
CREATE TABLE customer_activity (
    customer_id uuid PRIMARY KEY,
    touches     integer     NOT NULL,
    first_at    timestamptz NOT NULL,
    last_at     timestamptz NOT NULL,
    -- The calendar days (UTC, counted from 1970-01-01) with a touchpoint, in order.
    active_days integer[]   NOT NULL
);

-- When each department first touched the customer.
CREATE TABLE customer_department (
    customer_id uuid        NOT NULL,
    department  varchar(20) NOT NULL,
    first_at    timestamptz NOT NULL,
    PRIMARY KEY (customer_id, department)
);

-- How often the customer gave each survey answer.
CREATE TABLE customer_rating (
    customer_id uuid        NOT NULL,
    scale       varchar(10) NOT NULL,
    score       integer     NOT NULL,
    answers     integer     NOT NULL,
    PRIMARY KEY (customer_id, scale, score)
);

-- The tally of the touchpoints already stored.
INSERT INTO customer_activity (customer_id, touches, first_at, last_at, active_days)
SELECT customer_id, count(*), min(occurred_at), max(occurred_at),
       array_agg(DISTINCT CAST(occurred_at AT TIME ZONE 'UTC' AS date) - DATE '1970-01-01'
                 ORDER BY CAST(occurred_at AT TIME ZONE 'UTC' AS date) - DATE '1970-01-01')
FROM touchpoint GROUP BY customer_id;
INSERT INTO customer_department (customer_id, department, first_at)
SELECT customer_id, department, min(occurred_at)
FROM touchpoint WHERE department IS NOT NULL GROUP BY customer_id, department;
INSERT INTO customer_rating (customer_id, scale, score, answers)
SELECT customer_id, rating_scale, rating_score, count(*)
FROM touchpoint WHERE rating_scale IS NOT NULL GROUP BY customer_id, rating_scale, rating_score;
