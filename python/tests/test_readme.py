"""Every Python snippet of ``python/README.md`` runs as written, in order (later snippets use
the names earlier ones made), and the typed tour ``examples/every_name.py`` runs."""

import pathlib
import re
import runpy
from typing import Any, Dict

import pytest

HERE = pathlib.Path(__file__).resolve().parents[1]


def test_the_readme_snippets_run() -> None:
    text = (HERE / "README.md").read_text()
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert len(blocks) >= 6
    scope: Dict[str, Any] = {}
    for block in blocks:
        exec(compile(block, "README.md", "exec"), scope)  # noqa: S102 - our own README


def test_the_typed_tour_runs(capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(HERE / "examples" / "every_name.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert "lnbits view: 250000 msat, coffee" in out
    assert "not an invoice (bolt12_offer)" in out
