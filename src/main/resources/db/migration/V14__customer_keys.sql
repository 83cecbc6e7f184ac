-- The keys that identify a customer across channels, each indexed so that "the same customer"
-- (history, duplicate guard, merge) is a lookup, not a scan: the e-mail in lower case, and the phone
-- in E.164 (customer_phone; V15 normalises the numbers stored before). The number as the customer
-- wrote it is kept for display.
ALTER TABLE complaint ADD COLUMN customer_phone_as_given VARCHAR(30);
ALTER TABLE complaint ADD COLUMN customer_email_key VARCHAR(254);
UPDATE complaint SET customer_phone_as_given = customer_phone, customer_email_key = LOWER(TRIM(customer_email));
CREATE INDEX ix_complaint_customer_email_key ON complaint (customer_email_key);
CREATE INDEX ix_complaint_customer_account ON complaint (customer_account_id);
