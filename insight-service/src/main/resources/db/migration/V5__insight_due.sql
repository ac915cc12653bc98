-- When time alone could next change a customer's insight (a silence crossing its threshold, a
-- complaint or gesture leaving the recent window, at the latest a day on): the scheduled
-- re-evaluation re-scores only the customers due, not every customer every round.
ALTER TABLE customer_insight ADD COLUMN due_at timestamptz;
CREATE INDEX customer_insight_due ON customer_insight (due_at);
