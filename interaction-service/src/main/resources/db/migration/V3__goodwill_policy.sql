-- The goodwill policy as data: every version kept, the highest one applies to new gestures.
-- currencies: {"EUR": {"latitude": "25.00", "segmentLatitudes": {"premium": "100.00"},
--   "customerWindow": {"amount": "50.00", "days": 90}, "personMonth": "500.00"}}
CREATE TABLE goodwill_policy (
    version    integer       PRIMARY KEY,
    created_at timestamptz   NOT NULL,
    created_by varchar(100)  NOT NULL,
    currencies jsonb         NOT NULL
);

-- The first version keeps the latitude of 25.00 the service was configured with, in the
-- currencies it is used in, and makes it occasional: 50.00 per customer per 90 days, 500.00 per
-- person per calendar month.
INSERT INTO goodwill_policy (version, created_at, created_by, currencies) VALUES (1, now(), 'flyway',
  '{"EUR": {"latitude": "25.00", "segmentLatitudes": {}, "customerWindow": {"amount": "50.00", "days": 90}, "personMonth": "500.00"},
    "USD": {"latitude": "25.00", "segmentLatitudes": {}, "customerWindow": {"amount": "50.00", "days": 90}, "personMonth": "500.00"},
    "GBP": {"latitude": "25.00", "segmentLatitudes": {}, "customerWindow": {"amount": "50.00", "days": 90}, "personMonth": "500.00"}}');

-- Every gesture says which rule of which policy version decided it.
ALTER TABLE gesture
    ADD COLUMN decision_outcome varchar(20),
    ADD COLUMN decision_rule    varchar(40),
    ADD COLUMN decision_detail  varchar(500),
    ADD COLUMN policy_version   integer,
    ALTER COLUMN latitude DROP NOT NULL;
UPDATE gesture SET
    decision_outcome = CASE WHEN amount_value <= latitude THEN 'APPROVED' ELSE 'PENDING_APPROVAL' END,
    decision_rule    = CASE WHEN amount_value <= latitude THEN 'WITHIN_LATITUDE' ELSE 'ABOVE_LATITUDE' END,
    decision_detail  = 'decided by the configured latitude of ' || latitude || ' before the policy was data';
ALTER TABLE gesture
    ALTER COLUMN decision_outcome SET NOT NULL,
    ALTER COLUMN decision_rule SET NOT NULL,
    ALTER COLUMN decision_detail SET NOT NULL;

-- What was approved at once, per customer (the rolling window) and per person (the month).
CREATE INDEX gesture_customer_approved_at_once ON gesture (customer_id, amount_currency, granted_at)
    WHERE decision_outcome = 'APPROVED';
CREATE INDEX gesture_person_approved_at_once ON gesture (granted_by, amount_currency, granted_at)
    WHERE decision_outcome = 'APPROVED';
