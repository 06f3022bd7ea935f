"""The follow-up as an Excel form: written for a kommun and year, read back into the YAML.

`content` decides what the form holds (from the follow-up, the plan and last year),
`layout` where everything stands and the hidden record of it, `write` the workbook,
`read` the filled-in workbook (structure first, then the cells, `cells`), and `update`
the follow-up: only what changed, every comment kept, validated, written atomically.
`values` finds and sets the form's values in a follow-up's round-trip data.
"""
