"""The acronym decoder as a live Jupyter widget, on the same front end as the book's page::

    from boardroom import Decoder
    decoder = Decoder("The ICB asked for the EPR business case.")
    decoder            # paste or type in it
    decoder.decode()   # what it found, decoded in Python
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import anywidget
import traitlets

from ..components import module_source, widget_css
from ..paths import find_upwards
from ..pages import report_address
from .book import decoder_html, decoder_state
from .data import GLOSSARY_DIR, load_glossary
from .decoder import Decoded, decode, table, table_for_browser


class Decoder(anywidget.AnyWidget):
    _esm = module_source("decoder")
    _css = widget_css("quiz", "glossary")  # the quiz's carries the buttons' shared look

    known = traitlets.Dict().tag(sync=True)
    categories = traitlets.Dict().tag(sync=True)
    report = traitlets.Unicode("").tag(sync=True)
    text = traitlets.Unicode("").tag(sync=True)

    def __init__(self, text: str = "", glossary: str | Path | None = None, **kwargs: Any):
        folder = Path(glossary) if glossary else find_upwards(GLOSSARY_DIR)
        self._known = table(load_glossary(folder))
        state = decoder_state(table_for_browser(self._known), text, report_address())
        super().__init__(**{**state, **kwargs})

    def decode(self) -> Decoded:
        """The acronyms in the current text, and the unknown ones, from the Python engine."""
        return decode(self.text, self._known)

    def _repr_mimebundle_(self, **kwargs: Any):
        bundle = super()._repr_mimebundle_(**kwargs)
        data, metadata = bundle if isinstance(bundle, tuple) else (bundle, {})
        return {**data, "text/html": decoder_html(self.known, self.text, self.report)}, metadata
