-- Case-quality review: the problem points a supervisor finds in a case record
-- (a case-record entity of a review case). The points are copied from the
-- checklist when the finding is recorded, so editing the checklist later does
-- not change past findings; a withdrawn finding is kept with who withdrew it.
CREATE SEQUENCE seq_quality_findings START 1;
CREATE TABLE quality_findings (
    id BIGINT PRIMARY KEY DEFAULT nextval('seq_quality_findings'),
    case_id BIGINT NOT NULL REFERENCES cases (id),
    record_no VARCHAR NOT NULL,
    case_kind VARCHAR NOT NULL,
    category VARCHAR NOT NULL,
    point VARCHAR NOT NULL,
    points DOUBLE NOT NULL,
    note VARCHAR NOT NULL DEFAULT '',
    recorded_by VARCHAR NOT NULL,
    recorded_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    withdrawn_by VARCHAR,
    withdrawn_at TIMESTAMP,
    withdraw_reason VARCHAR
);
