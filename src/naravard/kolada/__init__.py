"""Nyckeltal from Kolada: fetching (client), reading responses (parse), writing the file (store).

`naravard.kolada.importing` holds what the commands call; `naravard.kolada.precedence`
decides between a value from Kolada and one typed into a follow-up.
"""
