-- The audit trail's anchor file (its newest entry, kept beside the database) is
-- started once; this row says since which entry, so a deleted file is noticed.
CREATE TABLE audit_anchor (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    since_seq BIGINT NOT NULL,
    started_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    started_by VARCHAR NOT NULL
);
