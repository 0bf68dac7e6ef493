"""The front-end files of every component, for both hosts.

Each component is one ES module (``boardroom/static/NAME.js`` ending in
``export default { render, ... };``) and one stylesheet. anywidget loads the module
with ``shared.js`` (helpers every component uses) in front. The book cannot load modules from ``file://`` and should not make a
request per component, so :func:`classic_script` wraps every module into one
classic script and appends the static host (``host.js``). This is string
assembly, not a build step: the shipped code is the code in the files.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

STATIC = Path(__file__).parent / "static"
COMPONENTS = ("quiz", "glossary", "terms", "decoder", "tool", "cards")
# Big and on one page only (the room summary, the learning record): each ships as its own classic script,
# boardroom-NAME.js, so the pages of the other components keep within their weight budget.
OWN_SCRIPT = ("summary", "record")
_EXPORT = "\nexport default "


class ComponentSourceError(Exception):
    pass


def module_path(name: str) -> Path:
    return STATIC / f"{name}.js"


def stylesheet_path(name: str) -> Path:
    return STATIC / f"{name}.css"


def module_source(name: str) -> str:
    """A component's ES module as both hosts run it: the shared helpers, then the component."""
    source = module_path(name).read_text(encoding="utf-8")
    if source.count(_EXPORT) != 1 or re.search(r"^\s*import\b", source, re.MULTILINE):
        raise ComponentSourceError(
            f"{module_path(name)}: a component must have no imports and exactly one 'export default'"
        )
    return (STATIC / "shared.js").read_text(encoding="utf-8") + "\n" + source


def widget_css(*names: str) -> str:
    """The stylesheets a Jupyter widget needs, in order (the quiz's carries the shared look)."""
    return "\n".join(stylesheet_path(n).read_text(encoding="utf-8") for n in names)


def without_comment_lines(source: str) -> str:
    """The script without its whole-line ``//`` comments, which readers' browsers never need.

    The comments stay in boardroom/static for authors; dropping them from the
    shipped script saves about a sixth of its gzipped weight on every page with a
    component. A line inside a multi-line template literal is text, not a
    comment, so it is kept: an odd number of backticks on a line opens or closes one.
    """
    kept, in_template = [], False
    for line in source.splitlines():
        if in_template or not line.lstrip().startswith("//"):
            kept.append(line)
        if line.replace("\\`", "").count("`") % 2:
            in_template = not in_template
    return "\n".join(kept) + "\n"


def _wrapped(name: str) -> str:
    body = module_source(name).replace(_EXPORT, f"\nwindow.BoardroomComponents[{json.dumps(name)}] = ")
    return f"(function () {{\n\"use strict\";\n{without_comment_lines(body)}}})();"


def classic_script() -> str:
    parts = [
        "/* boardroom.js: assembled by boardroom.components from boardroom/static; edit those files. */",
        "window.BoardroomComponents = window.BoardroomComponents || {};",
    ]
    parts.extend(_wrapped(name) for name in COMPONENTS)
    parts.append(without_comment_lines((STATIC / "host.js").read_text(encoding="utf-8")))
    return "\n".join(parts)


def own_script(name: str) -> str:
    """boardroom-NAME.js: one component of OWN_SCRIPT, loaded before boardroom.js, whose host mounts it."""
    return "\n".join([
        f"/* boardroom-{name}.js: assembled by boardroom.components from boardroom/static; edit those files. */",
        "window.BoardroomComponents = window.BoardroomComponents || {};",
        _wrapped(name),
    ])


def store_script() -> str:
    """boardroom-store.js: the learning record's store (not a component), on every page of the book."""
    return without_comment_lines((STATIC / "store.js").read_text(encoding="utf-8"))


def stylesheet() -> str:
    """The CSS of every component in boardroom.js, after the host's."""
    paths = [STATIC / "host.css", *(stylesheet_path(n) for n in COMPONENTS if stylesheet_path(n).exists())]
    return "\n".join(p.read_text(encoding="utf-8") for p in paths)


def own_stylesheet(name: str) -> str:
    """boardroom-NAME.css: the CSS of one component of OWN_SCRIPT, on its page only, after boardroom.css."""
    path = stylesheet_path(name)
    return path.read_text(encoding="utf-8") if path.exists() else ""
