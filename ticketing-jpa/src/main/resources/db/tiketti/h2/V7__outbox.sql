-- Tiketti schema version 7 (H2 2.x): the transactional outbox of events and messages.
-- Rows are written in the unit of work of the change that caused them, leased to the node that made
-- it (held_until on the database clock), and deleted once delivered: delivered rows are not kept,
-- because payloads may carry personal data. position gives the append order.

CREATE SEQUENCE tkt_outbox_seq;

CREATE TABLE tkt_outbox (
    position    BIGINT                      NOT NULL PRIMARY KEY,
    id          VARCHAR(36)                 NOT NULL,
    type        VARCHAR(100)                NOT NULL,
    ticket_id   UUID,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    attempts    INTEGER                     NOT NULL,
    owner       VARCHAR(200)                NOT NULL,
    held_until  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    payload     CHARACTER VARYING NOT NULL,
    CONSTRAINT tkt_outbox_id_uq UNIQUE (id)
);
-- The claim query: entries whose lease has expired, oldest first.
CREATE INDEX tkt_outbox_held_ix ON tkt_outbox (held_until, position);
-- Erasure discards the undelivered entries of the tickets it changed.
CREATE INDEX tkt_outbox_ticket_ix ON tkt_outbox (ticket_id);

INSERT INTO tkt_schema_version (version) VALUES (7);
