-- What the desk answered when it handled a message (JSON of the routing result), so that the same
-- webhook messageId delivered again is answered exactly as the first time, whatever the complaint
-- became since. Null for messages handled before this column existed.
ALTER TABLE inbound_message ADD COLUMN answer VARCHAR(4000);
