"""The one place that picks PyYAML's C parser (libyaml), or its pure-Python twin without it."""

from __future__ import annotations

try:  # libyaml ships inside PyYAML's wheels; the pure-Python parser is the same API, slower.
    from yaml import CSafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as CSafeLoader  # type: ignore[assignment]

__all__ = ["CSafeLoader"]
