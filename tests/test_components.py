"""The shipped component script: assembled from boardroom/static without authors' comment lines."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from boardroom.components import classic_script, without_comment_lines


def test_whole_line_comments_are_dropped_and_code_kept():
    source = "const a = 1; // trailing comment stays\n    // a note for authors\nconst b = 2;\n"
    assert without_comment_lines(source) == "const a = 1; // trailing comment stays\nconst b = 2;\n"


def test_lines_inside_a_multi_line_template_literal_are_text_not_comments():
    source = "const page = `\n// shown to the reader\n`;\n// dropped\nconst c = `one line`;\n// dropped too\n"
    assert without_comment_lines(source) == "const page = `\n// shown to the reader\n`;\nconst c = `one line`;\n"


def test_the_assembled_script_has_no_comment_lines_and_parses():
    script = classic_script()
    assert not [line for line in script.splitlines() if line.lstrip().startswith("//")]
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail("node is not installed: CI needs it for the syntax check")
        pytest.skip("node is not installed: the syntax check needs it")
    done = subprocess.run([node, "--check", "-"], input=script, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
