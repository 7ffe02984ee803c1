-- Links are appended in bulk by imports. The primary key on links.id made DuckDB
-- build and write an index entry per row (an import's commit took about three
-- times as long as its insert); every id comes from seq_links, so ids stay
-- unique by construction, and a look-up by id is answered by the column's
-- min/max statistics without an index.
CREATE TABLE links_rebuilt (
    id BIGINT NOT NULL DEFAULT nextval('seq_links'),
    case_id BIGINT NOT NULL,
    type VARCHAR NOT NULL,
    source_id BIGINT NOT NULL,
    target_id BIGINT NOT NULL,
    start_time TIMESTAMP,
    duration_s BIGINT,
    weight DOUBLE NOT NULL DEFAULT 1,
    cell VARCHAR,
    attributes JSON,
    import_id BIGINT,
    source_line BIGINT
);
INSERT INTO links_rebuilt
SELECT id, case_id, type, source_id, target_id, start_time, duration_s, weight, cell,
       attributes, import_id, source_line
FROM links
ORDER BY id;
DROP TABLE links;
ALTER TABLE links_rebuilt RENAME TO links;
