"""The one strict Markdown escaper: text from the data is shown as text, never as Markdown.

What `diff --format md` and the report write is posted where others read it (a merge-request
comment with a token, a pull request, a wiki): a name in a data file must not become an image
(`![](http://…)` loads a tracker when the comment is read), a link, raw HTML, a heading, a list, a
table cell border, a code fence (`~~~` turned a whole report into one code block) or a mention
(`@all` notifies everyone in the project).

Every ASCII punctuation character that Markdown (CommonMark, GitHub and GitLab flavours) gives a
meaning gets a backslash, which CommonMark defines for exactly that. A backslash does not stop
a mention: GitHub and GitLab find `@name` in the rendered text, after escapes are undone. So `@`
becomes U+FF20 FULLWIDTH COMMERCIAL AT (＠), which reads the same and is never a mention; no
zero-width character is used (naravard itself warns about those, NV312). Line breaks of every
kind and control characters become a space: inline text stays on its line and in its cell.
"""

from __future__ import annotations

import re

_SIGNIFICANT = "\\`*_[](){}<>!#|~+-=.&$:"
_ESCAPE = {ord(c): "\\" + c for c in _SIGNIFICANT}
_ESCAPE[ord("@")] = "\uff20"
_BREAKS = re.compile("\r\n|[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def escape_inline(text: str) -> str:
    """`text` as Markdown that renders literally, on one line, in a paragraph or a table cell."""
    return _BREAKS.sub(" ", text).translate(_ESCAPE)
