-- Real mail and PDF letters. Written to run unchanged on H2 (default profile) and PostgreSQL.

-- Letters are PDFs now: the file itself (immutable; letter.sha256 is the SHA-256 of these bytes) and,
-- in body, the XHTML it was drawn from. Letters written before this version keep their text in body
-- and no pdf (they are served as text).
ALTER TABLE letter ADD COLUMN pdf BYTEA;
ALTER TABLE letter ALTER COLUMN body SET DATA TYPE VARCHAR(200000);

-- Mail is rendered when it is queued (in the step's transaction): body keeps the plain-text part,
-- body_html the HTML part. message_id is the mail's RFC 5322 Message-ID, fixed before the first
-- attempt so that every retry carries the same one (receivers drop duplicates by it) and later mail
-- and replies can be threaded on it. letter_id: the letter attached to the message (REPLY, REFUSAL).
ALTER TABLE notification ADD COLUMN body_html VARCHAR(200000);
ALTER TABLE notification ADD COLUMN message_id VARCHAR(250);
ALTER TABLE notification ADD COLUMN letter_id BIGINT;
ALTER TABLE notification ADD CONSTRAINT fk_notification_letter FOREIGN KEY (letter_id) REFERENCES letter (id);
CREATE UNIQUE INDEX uq_notification_message_id ON notification (message_id);
