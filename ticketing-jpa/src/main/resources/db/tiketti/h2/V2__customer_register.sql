-- Tiketti schema version 2 (H2 2.x): the customer register (contacts, organisations,
-- memberships) and consent records. No foreign keys between them: the stores may be split across
-- systems (e.g. organisations kept in a CRM), and core checks references before it writes.

CREATE TABLE tkt_contact (
    id              UUID PRIMARY KEY,
    name            CHARACTER VARYING         NOT NULL,
    phones          CHARACTER VARYING         NOT NULL,
    language        VARCHAR(5)   NOT NULL,
    assurance       VARCHAR(20)  NOT NULL,
    active          BOOLEAN      NOT NULL,
    substitute_id   UUID
);

-- Addresses are stored stripped and lower-case (as Contact keeps them), so lookups use plain equality.
CREATE TABLE tkt_contact_email (
    contact_id      UUID         NOT NULL REFERENCES tkt_contact (id),
    position        INTEGER      NOT NULL,
    email           VARCHAR(320) NOT NULL,
    PRIMARY KEY (contact_id, position)
);
CREATE INDEX tkt_contact_email_ix ON tkt_contact_email (email);

CREATE TABLE tkt_organization (
    id                      UUID PRIMARY KEY,
    name                    CHARACTER VARYING         NOT NULL,
    default_substitute_id   UUID
);

CREATE TABLE tkt_membership (
    contact_id              UUID         NOT NULL,
    organization_id         UUID         NOT NULL,
    role                    VARCHAR(200) NOT NULL,
    contract_reference      CHARACTER VARYING,
    contract_valid_from     DATE,
    contract_valid_until    DATE,
    PRIMARY KEY (contact_id, organization_id)
);
CREATE INDEX tkt_membership_organization_ix ON tkt_membership (organization_id);

CREATE TABLE tkt_consent_purpose (
    id                      VARCHAR(200) PRIMARY KEY,
    description             CHARACTER VARYING         NOT NULL
);

CREATE TABLE tkt_consent (
    id                      UUID PRIMARY KEY,
    contact_id              UUID         NOT NULL,
    purpose_id              VARCHAR(200) NOT NULL,
    basis                   VARCHAR(30)  NOT NULL,
    consent_text            CHARACTER VARYING         NOT NULL,
    text_version            VARCHAR(200) NOT NULL,
    channel                 VARCHAR(20)  NOT NULL,
    recorded_at             TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    recorded_at_nanos       INTEGER      NOT NULL,
    evidence                CHARACTER VARYING,
    withdrawn_at            TIMESTAMP(6) WITH TIME ZONE,
    withdrawn_at_nanos      INTEGER
);
CREATE INDEX tkt_consent_contact_ix ON tkt_consent (contact_id, recorded_at);

INSERT INTO tkt_schema_version (version) VALUES (2);
