-- The customers this service knows of, from customer-events: ids and status, no personal data.
CREATE TABLE known_customer (
    customer_id uuid PRIMARY KEY,
    status      varchar(20) NOT NULL,
    merged_into uuid
);
