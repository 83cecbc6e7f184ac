-- Job acquisition reads due jobs only (README, "Engine at scale"): with ensureJobDueDateNotNull every
-- new job has a due date, so the acquisition condition is DUEDATE_ <= now, which this index serves
-- instead of a scan over every standing timer. Jobs created before carry no due date: they get the
-- time they were created, or they would never be acquired again.
UPDATE ACT_RU_JOB SET DUEDATE_ = COALESCE(CREATE_TIME_, CURRENT_TIMESTAMP) WHERE DUEDATE_ IS NULL;
CREATE INDEX ix_act_ru_job_due ON ACT_RU_JOB (DUEDATE_);
