"""naravard: validera, granska och sammanställ uppföljningen av omställningen till nära vård."""

__version__ = "0.2.0"
__all__ = ["__version__"]
