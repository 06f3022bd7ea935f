"""The regional yearly report: data → context → charts → jinja templates → HTML and Markdown."""
