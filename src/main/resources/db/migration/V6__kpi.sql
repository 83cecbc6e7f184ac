-- Working days from receipt to resolution, stored when a complaint is resolved, so KPI percentiles
-- are computed in SQL (the working-day calendar lives in the application).
ALTER TABLE complaint ADD COLUMN resolution_working_days INTEGER;
CREATE INDEX ix_complaint_channel ON complaint (channel, received_at);
CREATE INDEX ix_complaint_category ON complaint (category, received_at);
CREATE INDEX ix_event_type ON complaint_event (event_type, complaint_id);
