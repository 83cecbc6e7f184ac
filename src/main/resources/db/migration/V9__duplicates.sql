-- Duplicate guard: complaints flagged at intake as probably the same matter of the same customer,
-- and the merges agents made of them. Both sides of a pair stay; nothing is copied or deleted.
CREATE TABLE probable_duplicate (
    complaint_id    BIGINT NOT NULL REFERENCES complaint (id),
    duplicate_of_id BIGINT NOT NULL REFERENCES complaint (id),
    flagged_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (complaint_id, duplicate_of_id)
);
CREATE INDEX ix_probable_duplicate_of ON probable_duplicate (duplicate_of_id);

-- One row per merged complaint: its handling ended, it goes on inside the target.
CREATE TABLE complaint_merge (
    source_id BIGINT      NOT NULL PRIMARY KEY REFERENCES complaint (id),
    target_id BIGINT      NOT NULL REFERENCES complaint (id),
    merged_by VARCHAR(64) NOT NULL,
    merged_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_complaint_merge_target ON complaint_merge (target_id);
