-- The host's own tables for what Tiketti stores through JdbcTicketStore and JdbcDefinitionStore.
-- Written for H2 2.x. On PostgreSQL use TEXT for CHARACTER VARYING, and TIMESTAMP WITH TIME ZONE
-- (microseconds) plus a nanosecond column, or keep the instant as epoch seconds and nanos.
-- A real host applies this with its own migration tool. Semicolons end statements (Schema splits
-- the script on them), so none appear inside the comments.

-- One row per ticket. Built-in fields are columns, so the work-queue filters are plain WHERE clauses.
CREATE TABLE ticket (
    id               UUID PRIMARY KEY,
    key_prefix       CHARACTER VARYING(10) NOT NULL,
    key_number       BIGINT NOT NULL,
    type_id          CHARACTER VARYING NOT NULL,
    workflow_id      CHARACTER VARYING NOT NULL,
    workflow_version INTEGER NOT NULL,
    state            CHARACTER VARYING NOT NULL,
    classification   CHARACTER VARYING,            -- the path, e.g. 'Palvelussuhde/Vuosiloma'
    priority         CHARACTER VARYING(10) NOT NULL,
    requester_id     UUID NOT NULL,
    organization_id  UUID,
    assignee         CHARACTER VARYING,
    team             CHARACTER VARYING NOT NULL,
    channel          CHARACTER VARYING(20) NOT NULL,
    subject          CHARACTER VARYING NOT NULL,
    resolution       CHARACTER VARYING,
    custom_fields    CHARACTER VARYING NOT NULL,   -- JSON, typed: {"days": {"kind": "number", "value": "7.5"}}
    created_at       TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP(9) WITH TIME ZONE NOT NULL,   -- nanoseconds: updatedSince is exact
    sla_due          TIMESTAMP(9) WITH TIME ZONE,            -- Ticket.slaDue, for "SLA due before" queues
    version          BIGINT NOT NULL,              -- optimistic locking: checked in the UPDATE's WHERE
    CONSTRAINT ticket_key UNIQUE (key_prefix, key_number)   -- also the index of the query order
);
CREATE INDEX ticket_team_state ON ticket (team, state);
CREATE INDEX ticket_assignee ON ticket (assignee);
CREATE INDEX ticket_requester ON ticket (requester_id);
CREATE INDEX ticket_updated ON ticket (updated_at);
CREATE INDEX ticket_sla_due ON ticket (sla_due);

-- The timeline, append-only. pos numbers a ticket's entries 1, 2, 3 in the order they were added.
CREATE TABLE ticket_timeline (
    ticket_id    UUID NOT NULL REFERENCES ticket (id),
    pos          INTEGER NOT NULL,
    entry_id     UUID NOT NULL UNIQUE,
    kind         CHARACTER VARYING(20) NOT NULL,
    author_kind  CHARACTER VARYING(10) NOT NULL,
    author_id    CHARACTER VARYING NOT NULL,
    author_roles CHARACTER VARYING NOT NULL,       -- JSON array
    visibility   CHARACTER VARYING(10) NOT NULL,
    channel      CHARACTER VARYING(20) NOT NULL,
    body         CHARACTER VARYING NOT NULL,
    attachments  CHARACTER VARYING NOT NULL,       -- JSON array of {sha256, fileName, mediaType, size}
    occurred_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (ticket_id, pos)
);

-- The action history, append-only. seq equals the ticket version the entry's change produced.
CREATE TABLE ticket_history (
    ticket_id   UUID NOT NULL REFERENCES ticket (id),
    seq         BIGINT NOT NULL,
    occurred_at TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    actor_kind  CHARACTER VARYING(10) NOT NULL,
    actor_id    CHARACTER VARYING NOT NULL,
    actor_roles CHARACTER VARYING NOT NULL,        -- JSON array
    action      CHARACTER VARYING(20) NOT NULL,
    transition  CHARACTER VARYING,
    changes     CHARACTER VARYING NOT NULL,        -- JSON array of {field, from, to}
    PRIMARY KEY (ticket_id, seq)
);

-- One counter per key prefix. Rows are never deleted, so a number is never handed out twice.
CREATE TABLE ticket_number (
    key_prefix  CHARACTER VARYING(10) PRIMARY KEY,
    last_number BIGINT NOT NULL
);

-- Ticket types as JSON; defined_order keeps the order in which they were first defined.
CREATE TABLE ticket_type (
    id            CHARACTER VARYING PRIMARY KEY,
    defined_order BIGINT GENERATED ALWAYS AS IDENTITY,
    definition    CHARACTER VARYING NOT NULL
);

-- Every published version of every workflow, as core's WorkflowJson writes it. Never updated.
CREATE TABLE workflow_version (
    workflow_id CHARACTER VARYING NOT NULL,
    version     INTEGER NOT NULL,
    definition  CHARACTER VARYING NOT NULL,
    PRIMARY KEY (workflow_id, version)            -- two publishers of one version: one gets 23505
);
