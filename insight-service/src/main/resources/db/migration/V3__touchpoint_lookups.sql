-- Scoring reads only a few of a customer's touchpoints one by one (HistoryLoader): these partial
-- indexes find the rated, the sentiment-carrying and the case-linked ones without walking the
-- customer's whole history.
CREATE INDEX touchpoint_customer_rated ON touchpoint (customer_id, occurred_at)
    WHERE rating_scale IS NOT NULL;
CREATE INDEX touchpoint_customer_sentiment ON touchpoint (customer_id, occurred_at)
    WHERE sentiment IS NOT NULL;
CREATE INDEX touchpoint_customer_case ON touchpoint (customer_id)
    WHERE case_id IS NOT NULL;
