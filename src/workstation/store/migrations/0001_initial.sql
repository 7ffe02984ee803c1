-- Initial case model: every row carries its case.
CREATE SEQUENCE seq_cases START 1;
CREATE TABLE cases (
    id BIGINT PRIMARY KEY DEFAULT nextval('seq_cases'),
    number VARCHAR NOT NULL UNIQUE,
    title VARCHAR NOT NULL,
    kind VARCHAR NOT NULL DEFAULT 'criminal',
    status VARCHAR NOT NULL DEFAULT 'open',
    lead_officer VARCHAR NOT NULL DEFAULT '',
    description VARCHAR NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE SEQUENCE seq_imports START 1;
CREATE TABLE imports (
    id BIGINT PRIMARY KEY DEFAULT nextval('seq_imports'),
    case_id BIGINT NOT NULL REFERENCES cases (id),
    file_name VARCHAR NOT NULL,
    file_sha256 VARCHAR NOT NULL,
    spec_name VARCHAR NOT NULL,
    spec JSON NOT NULL,
    encoding VARCHAR NOT NULL,
    rows_read BIGINT NOT NULL,
    rows_loaded BIGINT NOT NULL,
    rows_rejected BIGINT NOT NULL,
    imported_by VARCHAR NOT NULL,
    imported_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE import_rejects (
    import_id BIGINT NOT NULL REFERENCES imports (id),
    line BIGINT,
    column_name VARCHAR,
    value VARCHAR,
    reason VARCHAR NOT NULL
);

CREATE SEQUENCE seq_entities START 1;
CREATE TABLE entities (
    id BIGINT PRIMARY KEY DEFAULT nextval('seq_entities'),
    case_id BIGINT NOT NULL REFERENCES cases (id),
    type VARCHAR NOT NULL,
    key VARCHAR NOT NULL,
    label VARCHAR NOT NULL,
    attributes JSON,
    import_id BIGINT,
    UNIQUE (case_id, type, key)
);

CREATE SEQUENCE seq_links START 1;
CREATE TABLE links (
    id BIGINT PRIMARY KEY DEFAULT nextval('seq_links'),
    case_id BIGINT NOT NULL REFERENCES cases (id),
    type VARCHAR NOT NULL,
    source_id BIGINT NOT NULL REFERENCES entities (id),
    target_id BIGINT NOT NULL REFERENCES entities (id),
    start_time TIMESTAMP,
    duration_s BIGINT,
    weight DOUBLE NOT NULL DEFAULT 1,
    cell VARCHAR,
    attributes JSON,
    import_id BIGINT,
    source_line BIGINT
);

CREATE SEQUENCE seq_events START 1;
CREATE TABLE events (
    id BIGINT PRIMARY KEY DEFAULT nextval('seq_events'),
    case_id BIGINT NOT NULL REFERENCES cases (id),
    kind VARCHAR NOT NULL,
    occurred_at TIMESTAMP,
    entity_id BIGINT,
    description VARCHAR NOT NULL DEFAULT '',
    import_id BIGINT
);

CREATE SEQUENCE seq_evidence START 1;
CREATE TABLE evidence (
    id BIGINT PRIMARY KEY DEFAULT nextval('seq_evidence'),
    case_id BIGINT NOT NULL REFERENCES cases (id),
    sha256 VARCHAR NOT NULL,
    original_name VARCHAR NOT NULL,
    original_path VARCHAR NOT NULL,
    size_bytes BIGINT NOT NULL,
    media_type VARCHAR NOT NULL,
    vault_path VARCHAR NOT NULL,
    exif JSON,
    added_by VARCHAR NOT NULL,
    added_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    UNIQUE (case_id, sha256)
);

CREATE SEQUENCE seq_faces START 1;
CREATE TABLE faces (
    id BIGINT PRIMARY KEY DEFAULT nextval('seq_faces'),
    case_id BIGINT NOT NULL REFERENCES cases (id),
    evidence_id BIGINT NOT NULL REFERENCES evidence (id),
    frame BIGINT NOT NULL DEFAULT 0,
    time_s DOUBLE,
    box FLOAT[4] NOT NULL,
    landmarks FLOAT[10],
    det_score FLOAT NOT NULL,
    quality FLOAT,
    embedding FLOAT[512] NOT NULL,
    model_pack VARCHAR NOT NULL,
    track_id BIGINT,
    person_id BIGINT
);

CREATE TABLE face_scans (
    case_id BIGINT NOT NULL REFERENCES cases (id),
    evidence_id BIGINT NOT NULL REFERENCES evidence (id),
    model_pack VARCHAR NOT NULL,
    faces_found BIGINT NOT NULL,
    scanned_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (evidence_id, model_pack)
);

CREATE SEQUENCE seq_searches START 1;
CREATE TABLE face_searches (
    id BIGINT PRIMARY KEY DEFAULT nextval('seq_searches'),
    case_id BIGINT NOT NULL REFERENCES cases (id),
    probe_name VARCHAR NOT NULL,
    probe_sha256 VARCHAR NOT NULL,
    probe_face_id BIGINT,
    model_pack VARCHAR NOT NULL,
    threshold DOUBLE NOT NULL,
    searched_by VARCHAR NOT NULL,
    searched_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE matches (
    search_id BIGINT NOT NULL REFERENCES face_searches (id),
    case_id BIGINT NOT NULL REFERENCES cases (id),
    candidate_face_id BIGINT NOT NULL REFERENCES faces (id),
    rank INTEGER NOT NULL,
    score DOUBLE NOT NULL,
    above_threshold BOOLEAN NOT NULL,
    decision VARCHAR NOT NULL DEFAULT 'pending',
    decided_by VARCHAR,
    decided_at TIMESTAMP,
    comment VARCHAR,
    PRIMARY KEY (search_id, candidate_face_id)
);

CREATE SEQUENCE seq_derivations START 1;
CREATE TABLE derivations (
    id BIGINT PRIMARY KEY DEFAULT nextval('seq_derivations'),
    case_id BIGINT NOT NULL REFERENCES cases (id),
    input_sha256 VARCHAR NOT NULL,
    output_sha256 VARCHAR NOT NULL,
    operations JSON NOT NULL,
    software JSON NOT NULL,
    created_by VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY,
    logged_at TIMESTAMP NOT NULL,
    user_name VARCHAR NOT NULL,
    os_user VARCHAR NOT NULL,
    action VARCHAR NOT NULL,
    object VARCHAR NOT NULL,
    details JSON NOT NULL,
    prev_hash VARCHAR NOT NULL,
    hash VARCHAR NOT NULL
);
