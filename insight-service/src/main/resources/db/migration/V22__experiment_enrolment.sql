-- A customer enrolled in an experiment is followed through the outcome window from enrolment,
-- as an acted customer is from the action: kind ENROLLED, action_id the experiment's id, code
-- ENROLLED, and the arm the shared assignment gave. Once enrolled, always counted in that arm
-- (intention to treat), whatever the front line then did.
ALTER TABLE outcome_follow DROP CONSTRAINT outcome_follow_kind_check;
ALTER TABLE outcome_follow
    ADD CONSTRAINT outcome_follow_kind_check CHECK (kind IN ('ACTED', 'COMPARISON', 'ENROLLED'));
ALTER TABLE outcome_follow ADD COLUMN arm varchar(60);
-- One enrolment per experiment and customer; the results read an experiment's rows by arm.
CREATE UNIQUE INDEX outcome_follow_enrolment ON outcome_follow (action_id, customer_id)
    WHERE kind = 'ENROLLED';
