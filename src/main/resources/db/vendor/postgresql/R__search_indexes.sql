-- PostgreSQL only (db/vendor/{vendor}): trigram indexes for the staff and auditor searches, which
-- look for a piece of a reference, name, e-mail, phone or account id anywhere in it (LIKE '%…%').
-- Without them those searches scan the whole complaint table. Repeatable: re-run when changed.
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS ix_complaint_reference_trgm
    ON complaint USING gin (LOWER(reference) gin_trgm_ops);
CREATE INDEX IF NOT EXISTS ix_complaint_customer_name_trgm
    ON complaint USING gin (LOWER(customer_name) gin_trgm_ops);
CREATE INDEX IF NOT EXISTS ix_complaint_customer_email_trgm
    ON complaint USING gin (LOWER(COALESCE(customer_email, '')) gin_trgm_ops);
CREATE INDEX IF NOT EXISTS ix_complaint_customer_phone_trgm
    ON complaint USING gin (COALESCE(customer_phone, '') gin_trgm_ops);
CREATE INDEX IF NOT EXISTS ix_complaint_customer_account_trgm
    ON complaint USING gin (COALESCE(customer_account_id, '') gin_trgm_ops);
