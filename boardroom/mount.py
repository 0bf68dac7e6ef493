"""The HTML a component leaves in a static page.

A mount is a ``div.boardroom-mount`` holding the component's starting state
as JSON and readable fallback HTML. In the built book, ``boardroom.js`` finds
every mount, gives the component a stand-in model kept in localStorage and
replaces the fallback with the live component. With JavaScript off, or in a
notebook viewer that strips scripts, the fallback is what people read.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any


def json_for_html(value: Any) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' survive."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def mount_html(
    component: str, key: str, revision: str, state: dict[str, Any], persist: list[str], fallback: str
) -> str:
    """``revision`` fingerprints the content: progress stored for another revision is dropped."""
    config = {"component": component, "key": key, "revision": revision, "state": state, "persist": persist}
    return (
        f'<div class="boardroom-mount" data-boardroom-component="{escape(component)}"'
        f' data-boardroom-key="{escape(key)}">'
        f'<script type="application/json" class="boardroom-config">{json_for_html(config)}</script>'
        f"{fallback}</div>"
    )
