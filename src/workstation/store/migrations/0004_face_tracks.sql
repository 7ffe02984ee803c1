-- Faces in video are followed from frame to frame as tracks. A track keeps its
-- clearest faces (best_face_ids, clearest first) and one template: the mean of
-- its faces' normalised embeddings, normalised again. Each face row points at
-- its track (faces.track_id) and at its exact frame (faces.frame, faces.time_s).
CREATE SEQUENCE seq_face_tracks START 1;
CREATE TABLE face_tracks (
    id BIGINT PRIMARY KEY DEFAULT nextval('seq_face_tracks'),
    case_id BIGINT NOT NULL REFERENCES cases (id),
    evidence_id BIGINT NOT NULL REFERENCES evidence (id),
    model_pack VARCHAR NOT NULL,
    first_frame BIGINT NOT NULL,
    last_frame BIGINT NOT NULL,
    first_time_s DOUBLE NOT NULL,
    last_time_s DOUBLE NOT NULL,
    n_faces INTEGER NOT NULL,
    best_face_ids BIGINT[] NOT NULL,
    template FLOAT[512] NOT NULL,
    quality FLOAT NOT NULL
);

-- How a video was sampled (photos leave both empty).
ALTER TABLE face_scans ADD COLUMN frames_analysed BIGINT;
ALTER TABLE face_scans ADD COLUMN sample_fps DOUBLE;

-- A search may probe with a video track and look beyond its own case; each
-- candidate keeps the false-match rate estimated for its score.
ALTER TABLE face_searches ADD COLUMN probe_track_id BIGINT;
ALTER TABLE face_searches ADD COLUMN scope VARCHAR DEFAULT 'case';
ALTER TABLE face_searches ADD COLUMN providers VARCHAR;
ALTER TABLE matches ADD COLUMN fmr DOUBLE;
