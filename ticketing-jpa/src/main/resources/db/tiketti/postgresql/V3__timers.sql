-- Tiketti schema version 3 (PostgreSQL): durable timers claimed by several nodes.
-- Leases and back-offs (held_until) are measured on the database clock, so nodes with skewed
-- clocks agree; due instants keep nanoseconds like every instant (due_at + due_at_nanos).

CREATE TABLE tkt_timer (
    kind            VARCHAR(200) NOT NULL,
    subject         VARCHAR(200) NOT NULL,
    due_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    due_at_nanos    INTEGER      NOT NULL,
    fired           BOOLEAN      NOT NULL,
    owner           VARCHAR(200),
    held_until      TIMESTAMP(6) WITH TIME ZONE,
    fencing_token   BIGINT       NOT NULL,
    attempts        INTEGER      NOT NULL,
    PRIMARY KEY (kind, subject)
);
-- The claim query: unfired timers of some kinds, oldest due first.
CREATE INDEX tkt_timer_due_ix ON tkt_timer (fired, due_at, kind, subject);

-- Fencing tokens grow across cancel and re-scheduling, so they come from one sequence.
CREATE SEQUENCE tkt_timer_token_seq;

INSERT INTO tkt_schema_version (version) VALUES (3);
