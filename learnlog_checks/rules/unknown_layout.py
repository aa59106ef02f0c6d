"""LL023 unknown-layout

What it does: reports a `layout:` that names no layout of the Jekyll site: none of the files of
`_layouts/`, nor of the theme's layouts when `_config.yml` names a theme whose layouts are known
(`minima`). With a theme whose layouts are not known here, or a log that is not a Jekyll site (no
`_posts` folder, no `_layouts/`, no theme), it says nothing.
Why: Jekyll only warns ("Layout 'psot' requested ... does not exist") and publishes the post without
its layout: no header, no style, no navigation.
Example: `layout: psot` with `_layouts/post.html` -> "layout 'psot' is not a layout of the site
(_layouts/ has default, post)" with "did you mean 'post'?".
Options: none; the layouts are read from the site at every run.
"""

from __future__ import annotations

from collections.abc import Iterator

from learnlog_checks.model import Finding
from learnlog_checks.model.posts import Post
from learnlog_checks.reading.tagging import suggest
from learnlog_checks.rules._api import Context, PostRule

NO_LAYOUT = frozenset({"none", "null"})  # Jekyll renders the post with no layout at all


def check(post: Post, ctx: Context) -> Iterator[Finding]:
    sources = ctx.settings.site_layouts
    layout = post.data.get("layout")
    if sources is None or not isinstance(layout, str) or not layout or layout in NO_LAYOUT:
        return
    known = {name for _, names in sources for name in names}
    if layout in known:
        return
    where = "; ".join(f"{source} has {', '.join(names) or 'none'}" for source, names in sources)
    guess = suggest(layout, known)
    hint = f"did you mean {guess!r}?" if guess else f"add _layouts/{layout}.html, or use one of those"
    message = f"layout {layout!r} is not a layout of the site ({where})"
    yield RULE.on(post, post.line_of(("layout",)), message, suggestion=hint)


RULE = PostRule(code="LL023", name="unknown-layout", doc=__doc__ or "", check=check)
