-- Tiketti schema version 10 (PostgreSQL): the change log every node's search index follows (issue #14).
-- One row per ticket a change, erasure or retention sweep touched, written in that unit of work:
-- ids and sequence numbers only, never personal data. Numbers come from tkt_change_log_seq, so they
-- increase across nodes; a rolled-back unit leaves a hole, which followers wait for a while and
-- then pass. Rows older than the log's retention (default 7 days) are deleted by the followers.

CREATE SEQUENCE tkt_change_log_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE tkt_change_log (
    seq         BIGINT                      NOT NULL,
    ticket_id   UUID                        NOT NULL,
    kind        VARCHAR(10)                 NOT NULL,
    logged_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT tkt_change_log_pk PRIMARY KEY (seq),
    CONSTRAINT tkt_change_log_kind_ck CHECK (kind IN ('CHANGED', 'ERASED'))
);
CREATE INDEX tkt_change_log_at_ix ON tkt_change_log (logged_at);

INSERT INTO tkt_schema_version (version) VALUES (10);
