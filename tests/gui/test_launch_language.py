"""Start-up installs the translation the Language preference asks for, before any window is
built (keidesk/gui/launch.py): run in a process of its own, as the app starts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import child_env

SHOW_MENUS = """
from keidesk.gui.launch import ensure_application
from keidesk.gui.kit.i18n import tr
ensure_application()
print(tr("&File"), tr("Customs"), sep="|")
"""


@pytest.mark.parametrize(
    ("preference", "lang", "expected"),
    [
        ('{"language": "es"}', "en_US.UTF-8", "&Archivo|Aduana"),
        ('{"language": "en"}', "es_MX.UTF-8", "&File|Customs"),
        ('{"language": "system"}', "es_MX.UTF-8", "&Archivo|Aduana"),
        ("", "es_MX.UTF-8", "&Archivo|Aduana"),  # no preferences yet: the system's language
        ("", "en_US.UTF-8", "&File|Customs"),
    ],
)
def test_start_up_speaks_the_chosen_language(tmp_path: Path, preference, lang, expected):
    data = tmp_path / "data"
    data.mkdir()
    if preference:
        (data / "preferences.json").write_text(preference)
    result = subprocess.run(
        [sys.executable, "-c", SHOW_MENUS],
        check=False,
        env=child_env(
            QT_QPA_PLATFORM="offscreen",
            KEIDESK_DATA_DIR=str(data),
            XDG_CONFIG_HOME=str(tmp_path / "config"),
            LANG=lang,
            LANGUAGE="",
            LC_ALL="",
            LC_MESSAGES="",
        ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected
