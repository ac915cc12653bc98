-- What the front line did for a customer (POST /customers/{id}/actions, approved gestures).
-- The note is free text: it stays here, never in the event, and goes with the customer's erasure.
CREATE TABLE action_taken (
    id          uuid PRIMARY KEY,
    customer_id uuid          NOT NULL,
    code        varchar(40)   NOT NULL,
    case_id     uuid,
    gesture_id  uuid,
    note        varchar(2000),
    taken_at    timestamptz   NOT NULL,
    taken_by    varchar(100)  NOT NULL
);
-- A customer's actions, newest first, with keyset pagination.
CREATE INDEX action_taken_customer ON action_taken (customer_id, taken_at DESC, id DESC);
-- A gesture approved records one action, once.
CREATE UNIQUE INDEX action_taken_gesture ON action_taken (gesture_id) WHERE gesture_id IS NOT NULL;
