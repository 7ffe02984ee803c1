-- Saved link-chart views: what an analyst selected, where each node sat, the
-- notes on the chart and the filters it was built with, so a supervisor opens
-- exactly the same chart. A view is never overwritten: saving a name again
-- adds the next version.
CREATE SEQUENCE seq_chart_views START 1;
CREATE TABLE chart_views (
    id BIGINT PRIMARY KEY DEFAULT nextval('seq_chart_views'),
    case_id BIGINT NOT NULL REFERENCES cases (id),
    name VARCHAR NOT NULL,
    version INTEGER NOT NULL,
    author VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    state VARCHAR NOT NULL DEFAULT 'draft',
    selection JSON NOT NULL,
    positions JSON NOT NULL,
    annotations JSON NOT NULL,
    filters JSON NOT NULL,
    UNIQUE (case_id, name, version)
);
