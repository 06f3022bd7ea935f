"""`python -m naravard`."""

from naravard.cli import main

main()
