-- Face searches record how the probe was judged: its quality score and band,
-- the steps of the low-quality path applied to it, and the threshold set by the
-- user (the threshold column holds the one applied to the probe's band).
ALTER TABLE face_searches ADD COLUMN probe_quality DOUBLE;
ALTER TABLE face_searches ADD COLUMN probe_band VARCHAR;
ALTER TABLE face_searches ADD COLUMN probe_steps VARCHAR[];
ALTER TABLE face_searches ADD COLUMN set_threshold DOUBLE;
