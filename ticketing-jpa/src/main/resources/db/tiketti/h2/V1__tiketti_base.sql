-- Tiketti schema version 1 (H2 2.x). Applied by JpaStorage.migrate(...) through Flyway, or by
-- any other migration tool: run the files of this folder in version order, once each.

CREATE TABLE tkt_schema_version (
    version     INTEGER PRIMARY KEY
);

-- Instants keep full nanosecond precision: the TIMESTAMP column holds them truncated to
-- microseconds (what PostgreSQL stores; queryable), the *_nanos column the remaining 0-999 ns.
CREATE TABLE tkt_ticket (
    id                  UUID PRIMARY KEY,
    key_prefix          VARCHAR(10)  NOT NULL,
    key_number          BIGINT       NOT NULL,
    type_id             VARCHAR(200) NOT NULL,
    workflow_id         VARCHAR(200) NOT NULL,
    workflow_version    INTEGER      NOT NULL,
    state               VARCHAR(200) NOT NULL,
    classification      CHARACTER VARYING,
    priority            VARCHAR(20)  NOT NULL,
    requester_id        UUID         NOT NULL,
    organization_id     UUID,
    assignee            VARCHAR(200),
    team                VARCHAR(200) NOT NULL,
    channel             VARCHAR(20)  NOT NULL,
    subject             CHARACTER VARYING         NOT NULL,
    resolution          CHARACTER VARYING,
    custom_fields       CHARACTER VARYING         NOT NULL,
    created_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_at_nanos    INTEGER      NOT NULL,
    updated_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at_nanos    INTEGER      NOT NULL,
    version             BIGINT       NOT NULL,
    CONSTRAINT tkt_ticket_key_uk UNIQUE (key_prefix, key_number)
);
-- Work-queue queries: a team's tickets by state, by handler, unassigned, by requester, by type.
CREATE INDEX tkt_ticket_team_state_ix ON tkt_ticket (team, state, key_prefix, key_number);
CREATE INDEX tkt_ticket_assignee_ix ON tkt_ticket (assignee, state);
CREATE INDEX tkt_ticket_unassigned_ix ON tkt_ticket (team, assignee, state);
CREATE INDEX tkt_ticket_requester_ix ON tkt_ticket (requester_id);
CREATE INDEX tkt_ticket_type_ix ON tkt_ticket (type_id);
CREATE INDEX tkt_ticket_classification_ix ON tkt_ticket (classification);
CREATE INDEX tkt_ticket_updated_ix ON tkt_ticket (updated_at);

CREATE TABLE tkt_timeline_entry (
    id              UUID PRIMARY KEY,
    ticket_id       UUID         NOT NULL REFERENCES tkt_ticket (id),
    ticket_version  BIGINT       NOT NULL,
    position        INTEGER      NOT NULL,
    kind            VARCHAR(30)  NOT NULL,
    author_kind     VARCHAR(20)  NOT NULL,
    author_id       VARCHAR(200) NOT NULL,
    author_roles    CHARACTER VARYING         NOT NULL,
    visibility      VARCHAR(20)  NOT NULL,
    channel         VARCHAR(20)  NOT NULL,
    body            CHARACTER VARYING         NOT NULL,
    attachments     CHARACTER VARYING         NOT NULL,
    occurred_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    occurred_at_nanos INTEGER    NOT NULL
);
CREATE INDEX tkt_timeline_ticket_ix ON tkt_timeline_entry (ticket_id, ticket_version, position);

CREATE TABLE tkt_history_entry (
    ticket_id       UUID         NOT NULL REFERENCES tkt_ticket (id),
    sequence        BIGINT       NOT NULL,
    occurred_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    occurred_at_nanos INTEGER    NOT NULL,
    actor_kind      VARCHAR(20)  NOT NULL,
    actor_id        VARCHAR(200) NOT NULL,
    actor_roles     CHARACTER VARYING         NOT NULL,
    action          VARCHAR(30)  NOT NULL,
    transition      VARCHAR(200),
    PRIMARY KEY (ticket_id, sequence)
);

CREATE TABLE tkt_history_change (
    ticket_id       UUID         NOT NULL,
    sequence        BIGINT       NOT NULL,
    position        INTEGER      NOT NULL,
    field           VARCHAR(200) NOT NULL,
    from_value      CHARACTER VARYING,
    to_value        CHARACTER VARYING,
    PRIMARY KEY (ticket_id, sequence, position),
    FOREIGN KEY (ticket_id, sequence) REFERENCES tkt_history_entry (ticket_id, sequence)
);

CREATE TABLE tkt_key_sequence (
    prefix          VARCHAR(10) PRIMARY KEY,
    last_number     BIGINT      NOT NULL
);

CREATE TABLE tkt_ticket_type (
    id              VARCHAR(200) PRIMARY KEY,
    ordinal         BIGINT       NOT NULL,
    definition      CHARACTER VARYING         NOT NULL
);

CREATE TABLE tkt_workflow (
    id              VARCHAR(200) NOT NULL,
    version         INTEGER      NOT NULL,
    definition      CHARACTER VARYING         NOT NULL,
    PRIMARY KEY (id, version)
);

CREATE TABLE tkt_attachment (
    sha256          VARCHAR(64)  PRIMARY KEY,
    size_bytes      BIGINT       NOT NULL,
    content         BINARY VARYING        NOT NULL
);

INSERT INTO tkt_schema_version (version) VALUES (1);
