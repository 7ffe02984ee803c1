"""Link graphs built from store rows: analysis (key players) and the chart."""
