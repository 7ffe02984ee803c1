-- Watch-lists of numbers known to be used by fraudsters, loaded into a case for
-- the early warning of likely victims: who loaded which file and when, and each
-- number normalised as the importer normalises phones, with its line in the file.
CREATE SEQUENCE seq_watch_lists START 1;
CREATE TABLE watch_lists (
    id BIGINT PRIMARY KEY DEFAULT nextval('seq_watch_lists'),
    case_id BIGINT NOT NULL REFERENCES cases (id),
    name VARCHAR NOT NULL,
    file_name VARCHAR NOT NULL,
    file_sha256 VARCHAR NOT NULL,
    numbers BIGINT NOT NULL,
    loaded_by VARCHAR NOT NULL,
    loaded_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE watch_numbers (
    list_id BIGINT NOT NULL REFERENCES watch_lists (id),
    case_id BIGINT NOT NULL REFERENCES cases (id),
    phone_key VARCHAR NOT NULL,
    written VARCHAR NOT NULL,
    source VARCHAR NOT NULL DEFAULT '',
    line BIGINT NOT NULL,
    PRIMARY KEY (list_id, phone_key)
);
