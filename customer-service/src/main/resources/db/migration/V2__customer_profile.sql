-- The complete profile: contact details, consents, free attributes and the merge pointer.
ALTER TABLE customer
    ADD COLUMN phone             varchar(16),
    ADD COLUMN locale            varchar(35),
    ADD COLUMN consent_marketing boolean NOT NULL DEFAULT false,
    ADD COLUMN consent_analytics boolean NOT NULL DEFAULT false,
    ADD COLUMN attributes        jsonb,
    ADD COLUMN merged_into       uuid REFERENCES customer (id);

-- A customer's identifiers in other systems: one per system and customer, and each one names
-- exactly one customer (the unique index is also the lookup path of ?externalRef=system:id).
CREATE TABLE customer_external_ref (
    customer_id uuid         NOT NULL REFERENCES customer (id),
    system      varchar(40)  NOT NULL,
    external_id varchar(200) NOT NULL,
    PRIMARY KEY (customer_id, system)
);
CREATE UNIQUE INDEX customer_external_ref_unique ON customer_external_ref (system, external_id);

-- Search only lists ACTIVE customers, so its indexes are partial and stay small.
-- Keyset pages by id: (segment, id) serves ?segment= in page order without a sort.
DROP INDEX customer_segment;
CREATE INDEX customer_active_segment ON customer (segment, id) WHERE status = 'ACTIVE';
-- No filter: pages walk this index in id order.
CREATE INDEX customer_active_id ON customer (id) WHERE status = 'ACTIVE';
-- ?q= is a case-insensitive prefix of the name. Under the "C" collation a plain b-tree serves
-- both the prefix range (>= q AND < q-successor) and the (name, id) keyset order, which a
-- text_pattern_ops index cannot do for ORDER BY.
CREATE INDEX customer_active_name ON customer ((lower(display_name) COLLATE "C"), id)
    WHERE status = 'ACTIVE';
