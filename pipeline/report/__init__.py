"""The analyst's report: one self-contained HTML file (timeline, network, documents) from an output folder."""
