"""naravard: validera, granska och sammanställ uppföljningen av omställningen till nära vård.

The library is `naravard.api` (one function per command); the findings it returns are
`naravard.findings`; the rules are `naravard.rules`.
"""

__version__ = "0.2.0"
__all__ = ["__version__"]
