-- Tiketti schema version 2 (H2 2.x): the contact persons of the customer register.

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

INSERT INTO tkt_schema_version (version) VALUES (2);
