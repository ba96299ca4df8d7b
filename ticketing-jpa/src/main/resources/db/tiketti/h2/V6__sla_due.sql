-- Tiketti schema version 6 (H2 2.x): the next SLA due instant of each ticket (Ticket.slaDue), for
-- the work-queue query "SLA due before" (TicketQuery.slaDueBefore). NULL when no SLA clock runs.
-- Existing rows start NULL; each ticket gets its value at its next change (see docs/sla.md).

ALTER TABLE tkt_ticket ADD COLUMN sla_due TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE tkt_ticket ADD COLUMN sla_due_nanos INTEGER;
CREATE INDEX tkt_ticket_sla_due_ix ON tkt_ticket (sla_due);

INSERT INTO tkt_schema_version (version) VALUES (6);
