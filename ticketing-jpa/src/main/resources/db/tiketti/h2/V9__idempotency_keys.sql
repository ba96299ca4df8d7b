-- Tiketti schema version 9 (H2): idempotency keys of ticket changes (issue #13).
-- One row per keyed open or added entry, written in the change's own transaction: the primary key is
-- what makes a mail fetched twice, or by two nodes, change one ticket once (the second insert waits
-- for the first transaction and then fails, so its change rolls back). Keys are built from mailbox
-- names, Message-IDs or digests, never from personal data of ours; old rows are purged by age.

CREATE TABLE tkt_idempotency_key (
    idem_key    VARCHAR(200)                NOT NULL,
    ticket_id   UUID                        NOT NULL,
    entry_id    UUID,
    recorded_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT tkt_idempotency_key_pk PRIMARY KEY (idem_key)
);
CREATE INDEX tkt_idempotency_key_recorded_ix ON tkt_idempotency_key (recorded_at);

INSERT INTO tkt_schema_version (version) VALUES (9);
