-- Local user accounts with roles, and the review workflow of analysts' work.
CREATE TABLE users (
    name VARCHAR PRIMARY KEY,
    role VARCHAR NOT NULL,
    password_hash VARCHAR NOT NULL,
    active BOOLEAN NOT NULL DEFAULT true,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    created_by VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    last_login_at TIMESTAMP
);

CREATE SEQUENCE seq_reviews START 1;
CREATE TABLE reviews (
    id BIGINT PRIMARY KEY DEFAULT nextval('seq_reviews'),
    case_id BIGINT NOT NULL REFERENCES cases (id),
    kind VARCHAR NOT NULL,
    object_ref VARCHAR NOT NULL,
    snapshot JSON NOT NULL,
    note VARCHAR NOT NULL DEFAULT '',
    state VARCHAR NOT NULL DEFAULT 'submitted',
    submitted_by VARCHAR NOT NULL,
    submitted_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    decided_by VARCHAR,
    decided_at TIMESTAMP
);

CREATE TABLE review_events (
    review_id BIGINT NOT NULL REFERENCES reviews (id),
    seq INTEGER NOT NULL,
    action VARCHAR NOT NULL,
    user_name VARCHAR NOT NULL,
    role VARCHAR NOT NULL,
    comment VARCHAR NOT NULL DEFAULT '',
    acted_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (review_id, seq)
);
