-- Image enhancement provenance: which evidence item a derived image came from,
-- where the result is stored, the video frames used, the chain's name and the
-- source details (fusion), the measured effect on a face and the stated purpose.
ALTER TABLE derivations ADD COLUMN evidence_id BIGINT;
ALTER TABLE derivations ADD COLUMN output_evidence_id BIGINT;
ALTER TABLE derivations ADD COLUMN output_path VARCHAR;
ALTER TABLE derivations ADD COLUMN chain_name VARCHAR DEFAULT '';
ALTER TABLE derivations ADD COLUMN frames INTEGER[];
ALTER TABLE derivations ADD COLUMN source JSON;
ALTER TABLE derivations ADD COLUMN effect JSON;
ALTER TABLE derivations ADD COLUMN purpose VARCHAR DEFAULT '';
