-- Tiketti schema version 5 (PostgreSQL): consent requests awaiting an answer (R8). Only the SHA-256
-- digest of a reply token is stored, never the token.

CREATE TABLE tkt_consent_request (
    id                  UUID PRIMARY KEY,
    contact_id          UUID,
    email               VARCHAR(320) NOT NULL,
    purpose_id          VARCHAR(200) NOT NULL,
    consent_text        TEXT         NOT NULL,
    text_version        VARCHAR(200) NOT NULL,
    requested_by_kind   VARCHAR(20)  NOT NULL,
    requested_by_id     VARCHAR(200) NOT NULL,
    requested_by_roles  TEXT         NOT NULL,
    sent_at             TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    sent_at_nanos       INTEGER      NOT NULL,
    expires_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at_nanos    INTEGER      NOT NULL,
    token_digest        VARCHAR(64)  NOT NULL,
    status              VARCHAR(10)  NOT NULL,
    answered_at         TIMESTAMP(6) WITH TIME ZONE,
    answered_at_nanos   INTEGER,
    evidence            TEXT,
    consent_id          UUID,
    CONSTRAINT tkt_consent_request_token_uk UNIQUE (token_digest)
);
CREATE INDEX tkt_consent_request_contact_ix ON tkt_consent_request (contact_id, sent_at);
CREATE INDEX tkt_consent_request_expiry_ix ON tkt_consent_request (expires_at);

INSERT INTO tkt_schema_version (version) VALUES (5);
