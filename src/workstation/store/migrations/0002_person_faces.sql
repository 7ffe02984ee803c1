-- Suspects get a reference photo: a person entity may point at the face that
-- shows them best, so briefs can print it.
ALTER TABLE entities ADD COLUMN role VARCHAR DEFAULT '';
CREATE TABLE person_faces (
    case_id BIGINT NOT NULL REFERENCES cases (id),
    person_id BIGINT NOT NULL REFERENCES entities (id),
    face_id BIGINT NOT NULL REFERENCES faces (id),
    source VARCHAR NOT NULL,
    PRIMARY KEY (person_id, face_id)
);
