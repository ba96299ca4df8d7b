-- Tiketti schema version 8 (H2 2.x): outbox delivery tracked per recipient (issue #20).
-- One row per entry and recipient (a listener by name, or 'outbound-transport') once a delivery round
-- of the entry did not finish: DONE recipients never get the entry again, FAILING ones are retried
-- alone after a back-off, DEAD ones were given up after the last attempt. Errors are kept as the
-- exception's class and ErrorCode id only, never its message. Rows go with their entry (delivered,
-- discarded by erasure or retention) through the foreign key.
-- An entry whose deliveries are DEAD and none FAILING is parked: held_until NULL, never claimed.
-- Rows written by version 7 have no delivery rows and a held_until: they are delivered as before,
-- to every listener.

ALTER TABLE tkt_outbox ALTER COLUMN held_until DROP NOT NULL;

CREATE TABLE tkt_outbox_delivery (
    entry_id        VARCHAR(36)                 NOT NULL,
    recipient       VARCHAR(200)                NOT NULL,
    status          VARCHAR(10)                 NOT NULL,
    failures        INTEGER                     NOT NULL,
    error_class     VARCHAR(300),
    error_code      VARCHAR(40),
    first_failed_at TIMESTAMP(6) WITH TIME ZONE,
    last_failed_at  TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT tkt_outbox_delivery_pk PRIMARY KEY (entry_id, recipient),
    CONSTRAINT tkt_outbox_delivery_entry_fk FOREIGN KEY (entry_id) REFERENCES tkt_outbox (id) ON DELETE CASCADE,
    CONSTRAINT tkt_outbox_delivery_status_ck CHECK (status IN ('DONE', 'FAILING', 'DEAD'))
);
-- events().dead() and deadCount(): the entries with a dead delivery.
CREATE INDEX tkt_outbox_delivery_status_ix ON tkt_outbox_delivery (status, entry_id);

INSERT INTO tkt_schema_version (version) VALUES (8);
