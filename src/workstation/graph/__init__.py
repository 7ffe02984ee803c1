"""Link analysis: case graphs, measures, paths, layout, charts, timelines, files."""
