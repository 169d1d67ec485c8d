"""The translation pipeline (keidesk/gui/kit/i18n.py): the .ts holds every text the GUI
passes to tr(), the Spanish is complete, the shipped .qm matches the .ts, and with Spanish
chosen the app speaks Spanish."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QMenu

import keidesk.gui
from keidesk.gui.kit import i18n
from keidesk.gui.kit.context import AppContext
from keidesk.gui.shell.main_window import MainWindow
from keidesk.preferences import LANGUAGES, Preferences, save_preferences

GUI_SOURCES = Path(keidesk.gui.__file__).parent
#: Where lupdate reads texts: the GUI, and the core's msg() templates (dev.py translations).
SOURCES = tuple(
    GUI_SOURCES.parent / name
    for name in ("gui", "domain", "services", "reports", "dataio", "storage")
)
#: The functions lupdate extracts a literal from (keidesk.gui.kit.i18n's tr, the marker, and
#: keidesk.domain.messages.msg, given to lupdate as an alias of the marker).
MARKERS = {"tr", "QT_TR_NOOP", "msg"}
RUN_PIPELINE = "run `python3 dev.py translations` (CONTRIBUTING.md, Translations)"


def source_texts() -> dict[str, str]:
    """Every literal passed to tr(), QT_TR_NOOP or msg(), with where it first stands."""
    found: dict[str, str] = {}
    for path in sorted(p for folder in SOURCES for p in folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in MARKERS
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                where = f"{path.relative_to(GUI_SOURCES.parent.parent)}:{node.lineno}"
                found.setdefault(node.args[0].value, where)
    return found


def ts_file(language: str) -> Path:
    return i18n.translations_dir() / f"keidesk_{language}.ts"


def ts_messages(language: str) -> list[ElementTree.Element]:
    return list(ElementTree.parse(ts_file(language)).getroot().iter("message"))


def translations(language: str) -> dict[str, str]:
    return {
        m.findtext("source") or "": m.findtext("translation") or "" for m in ts_messages(language)
    }


@pytest.fixture
def spanish(qapp) -> Iterator[None]:
    """Spanish chosen in the preferences and installed as start-up installs it."""
    save_preferences(Preferences(language="es"))
    try:
        assert i18n.install_translation("es") == "es"
        yield
    finally:
        i18n.remove_translation()


def test_every_translated_language_ships_its_files():
    assert {"system", *i18n.LANGUAGE_NAMES} == set(LANGUAGES)
    for code in i18n.TRANSLATED:
        assert ts_file(code).is_file(), code
        assert i18n.translation_file(code).is_file(), code


@pytest.mark.parametrize("language", sorted(i18n.TRANSLATED))
def test_the_ts_holds_every_text_of_the_source_and_nothing_else(language):
    texts = source_texts()
    assert texts, "no tr() call found: the scan is broken"
    in_ts = {m.findtext("source") or "" for m in ts_messages(language)}
    missing = {text: where for text, where in texts.items() if text not in in_ts}
    assert not missing, f"not in {ts_file(language).name}, {RUN_PIPELINE}: {missing}"
    assert sorted(in_ts - texts.keys()) == [], f"no longer in the source, {RUN_PIPELINE}"


@pytest.mark.parametrize("language", sorted(i18n.TRANSLATED))
def test_the_ts_uses_the_context_tr_translates_in(language):
    root = ElementTree.parse(ts_file(language)).getroot()
    assert root.get("language") == language
    assert {c.findtext("name") or "" for c in root.iter("context")} == {i18n.CONTEXT}


def _marks(text: str) -> list[str]:
    """What a translation must keep: placeholders, HTML tags, tabs and line breaks."""
    return sorted(re.findall(r"\{[^}]*\}|%\d|%n|\t|\n|<[^>]+>", text))


def _accelerators(text: str) -> int:
    return text.replace("&&", "").count("&")


@pytest.mark.parametrize("language", sorted(i18n.TRANSLATED))
def test_every_text_is_translated_keeping_its_placeholders(language):
    unfinished, broken = [], []
    for message in ts_messages(language):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None, source
        if translation.get("type") is not None or not translation.text:
            unfinished.append(source)
        elif _marks(source) != _marks(translation.text) or _accelerators(source) != _accelerators(
            translation.text
        ):
            broken.append((source, translation.text))
    assert unfinished == [], f"translate these, then {RUN_PIPELINE}"
    assert broken == []


@pytest.mark.parametrize("language", sorted(i18n.TRANSLATED))
def test_the_shipped_qm_matches_the_ts(language):
    """The .qm the package ships gives every translation of the .ts, in tr()'s context."""
    translator = QTranslator()
    assert translator.load(str(i18n.translation_file(language)))
    stale = {
        source: (translator.translate(i18n.CONTEXT, source), wanted)
        for source, wanted in translations(language).items()
        if translator.translate(i18n.CONTEXT, source) != wanted
    }
    assert stale == {}, f"the .qm is older than the .ts: {RUN_PIPELINE}"


@pytest.mark.parametrize(
    ("preference", "system", "expected"),
    [
        ("es", ["en-US"], "es"),
        ("en", ["es-MX"], None),
        ("system", ["es-MX", "en-US"], "es"),
        ("system", ["es_US"], "es"),
        ("system", ["en-US", "es-MX"], None),
        ("system", ["fr-FR", "es-ES"], "es"),
        ("system", ["de-DE", "ja-JP"], None),
        ("system", [], None),
    ],
)
def test_the_language_chosen(preference, system, expected):
    assert i18n.chosen_language(preference, system) == expected


def test_english_installs_nothing(qapp):
    try:
        assert i18n.install_translation("en") is None
        assert i18n.tr("&File") == "&File"
    finally:
        i18n.remove_translation()


def test_with_spanish_chosen_the_main_window_speaks_spanish(
    spanish, context: AppContext, make_window: Callable[[AppContext], MainWindow]
):
    window = make_window(context)
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&Archivo", "&Edición", "&Caso", "&Ver", "Ay&uda"]
    assert window.tabs.tabText(0) == "Casos"
    # a domain word shown from a value of the core: the stage filter's step titles
    assert i18n.tr("Customs") == "Aduana"
    # Qt's own texts (standard buttons, context menus) come from Qt's Spanish translation
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"


def _menus(window: MainWindow) -> Iterator[QMenu]:
    pending = [a.menu() for a in window.menuBar().actions()]
    while pending:
        menu = pending.pop()
        if isinstance(menu, QMenu):
            yield menu
            pending.extend(a.menu() for a in menu.actions() if a.menu() is not None)


def _accelerator_key(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def test_spanish_menus_have_unique_accelerators(
    spanish, context: AppContext, make_window: Callable[[AppContext], MainWindow]
):
    window = make_window(context)
    groups = {"menu bar": [a.text() for a in window.menuBar().actions()]}
    groups |= {m.title(): [a.text() for a in m.actions() if a.text()] for m in _menus(window)}
    for name, texts in groups.items():
        keys = [key for key in map(_accelerator_key, texts) if key]
        assert len(keys) == len(set(keys)), f"{name}: {texts}"


def test_no_tr_literal_inside_an_f_string():
    """lupdate does not look inside f-strings: a tr("…") there would never be translated."""
    hidden = []
    for path in sorted(p for folder in SOURCES for p in folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                hidden += [
                    f"{path.name}:{call.lineno}"
                    for call in ast.walk(node)
                    if isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Name)
                    and call.func.id in MARKERS
                    and call.args
                    and isinstance(call.args[0], ast.Constant)
                ]
    assert hidden == [], "take these tr() calls out of the f-string"


def test_every_msg_template_is_a_literal():
    """keidesk.domain.messages.msg() marks its template for lupdate: only a literal (implicit
    concatenation included) can be extracted, never a name or an f-string."""
    loose = []
    for path in sorted(p for folder in SOURCES for p in folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "msg"
                and not (
                    node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                )
            ):
                loose.append(f"{path.name}:{node.lineno}")
    assert loose == [], "give msg() a string literal (use word() for a value)"
