-- The log book records what happened as data (event type + parameters as JSON) and renders it in
-- the reader's language; `detail` keeps only words a person wrote (a note, findings, a reason).
-- Rows recorded before have params NULL and show their detail as it was written.
ALTER TABLE complaint_event ADD COLUMN params VARCHAR(4000);
