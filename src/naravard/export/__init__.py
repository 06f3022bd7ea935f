"""Exports for analysts: the year's data as sheets that open in Excel and LibreOffice.

`tables` builds the tables from the repository; `xlsx` and `csv_` write them,
with every text cell made safe by `cells` so that no formula runs when the file
is opened. `run.export_year` is what the command calls.
"""
