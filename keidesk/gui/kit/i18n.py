"""Every string shown in the GUI goes through :func:`tr` so it can be translated.

**Writing strings.** Call ``tr("literal")`` with the English text as a string literal (implicit
concatenation of literals is fine), then ``.format(...)`` the placeholders: ``tr("{count}
cases").format(count=n)``. Only a literal can be extracted. Words that come from the Qt-free
core as values (step titles, stages, document kinds, field labels, statuses…) are still shown
with ``tr(value)``; their English texts are listed, as literals, in
:mod:`keidesk.gui.kit.domain_words`, and a test fails when one is missing there.

**How the contexts line up.** Qt looks a translation up by (context, source text). Qt
Linguist's ``pyside6-lupdate`` gives a class context only to ``self.tr(...)``; it files a bare
``tr("literal")`` call and a ``QT_TR_NOOP("literal")`` marker under the *empty* context, wherever
they stand. So :func:`tr` translates in that same empty context (:data:`CONTEXT`): call sites
stay ``tr("literal")``, the ``.ts`` file is the one lupdate writes and merges (Qt Linguist
opens it as is) and nothing is post-processed. ``dev.py translations`` refuses a ``.ts`` with
any other context, so a ``self.tr`` or ``QT_TRANSLATE_NOOP`` slipping in is caught at once.

**Sentences from the core.** Validation errors, gate refusals, eligibility explanations, rule
warnings and notes are written by the Qt-free core in English, as a
:class:`keidesk.domain.messages.Message` (a ``str`` that keeps its template and values; see that
module). Show such a text with :func:`tr_message`, an error with :func:`tr_error`: the
template is translated here and the values filled in. lupdate reads the templates from the core
folders (``msg("literal", ...)``), so they are in the same ``.ts`` file.

**The pipeline**, one command: ``python3 dev.py translations`` runs ``pyside6-lupdate`` over
``keidesk/gui`` and the core's ``msg()`` templates into
``resources/translations/keidesk_<lang>.ts`` (keeping every translation made, adding new texts
as unfinished, dropping texts no longer used), prints what still needs translating, and
builds ``keidesk_<lang>.qm`` beside it with ``pyside6-lrelease``. Both files are committed;
the ``.qm`` ships inside the package (``keidesk/resources/translations``) and the frozen app.
``tests/gui/kit/test_i18n.py`` fails when a ``tr()`` or ``msg()`` literal is missing from the
``.ts``, when a translation is unfinished, or when the ``.qm`` does not match the ``.ts``.

**Loading.** At start-up, :func:`install_translation` reads the Language preference
(``system``, ``en`` or ``es``): "system" takes the first language of the system's UI languages
that has a translation, else English. It installs keidesk's ``.qm`` and Qt's own (``qtbase``:
standard buttons, context menus). A change of language applies the next time keidesk starts.
Packets (PDF) stay in English.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from keidesk import paths
from keidesk.domain.messages import Message, message_of

#: The context lupdate gives bare ``tr()`` calls and ``QT_TR_NOOP`` markers (see above).
CONTEXT = ""
#: The languages the interface is translated into, by code, named in their own language.
TRANSLATED = {"es": "Español"}
#: What the Language preference offers: the system's language, English, or a translation.
LANGUAGE_NAMES = {"en": "English", **TRANSLATED}

_installed: list[QTranslator] = []


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def tr_message(text: str) -> str:
    """A text the core wrote: in the interface's language when it is a
    :class:`~keidesk.domain.messages.Message`, as it is otherwise."""
    return text.render(tr) if isinstance(text, Message) else text


def tr_error(exc: BaseException) -> str:
    """What a :class:`~keidesk.domain.errors.KeideskError` says, in the interface's language."""
    return tr_message(message_of(exc))


def translations_dir() -> Path:
    return paths.resource_dir() / "translations"


def translation_file(language: str) -> Path:
    """keidesk's compiled translation (``.qm``) for a language code such as ``es``."""
    return translations_dir() / f"keidesk_{language}.qm"


def chosen_language(preference: str, ui_languages: Sequence[str]) -> str | None:
    """The translation to load for a Language preference: ``None`` means English.

    ``ui_languages`` are the system's, most preferred first (``QLocale.uiLanguages()``:
    ``es-MX``, ``en-US``…); "system" takes the first that is English or translated.
    """
    if preference in TRANSLATED:
        return preference
    if preference != "system":
        return None
    for name in ui_languages:
        code = name.replace("_", "-").split("-")[0].lower()
        if code == "en":
            return None
        if code in TRANSLATED:
            return code
    return None


def install_translation(preference: str) -> str | None:
    """Install the translators for a Language preference on the running application; returns
    the language loaded (``None``: English). Replaces any installed before."""
    remove_translation()
    language = chosen_language(preference, QLocale.system().uiLanguages())
    if language is None:
        return None
    ours = QTranslator()
    if not ours.load(str(translation_file(language))):
        return None  # a build without the file: English rather than a broken start
    qt = QTranslator()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translators = [ours, qt] if qt.load(f"qtbase_{language}", qt_dir) else [ours]
    for translator in translators:
        QCoreApplication.installTranslator(translator)
        _installed.append(translator)  # Qt does not keep them alive
    return language


def remove_translation() -> None:
    """Back to English (the tests switch languages; the app only ever installs once)."""
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())
