"""Authoring: the commands that write data files (new, fmt, fix, schema, init).

Everything here returns values; only `naravard.cli.authoring` prints. Every file
is written through `atomic.write_atomic` or `atomic.create_new` (issue 5, issue 7).
"""
