-- Who created and last changed each customer, and who asked for an erasure (employee or system
-- ids from X-Actor, never customer data); null in older rows.
ALTER TABLE customer
    ADD COLUMN created_by           varchar(100),
    ADD COLUMN updated_by           varchar(100),
    ADD COLUMN erasure_requested_by varchar(100);
