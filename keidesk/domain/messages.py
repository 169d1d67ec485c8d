"""Sentences the Qt-free core writes for people, in English, that the GUI can translate.

**The mechanism.** The core (domain, services) stays free of Qt and English by default: the
CLI, the ``--json`` output and the packets print exactly the English they always printed. But
a sentence the core writes for a staff member (a validation error, a gate refusal, an
eligibility explanation, a rule warning, the duty note) is built as a :class:`Message`
instead of an f-string::

    raise InvalidInput(msg("Month {month} is not a month in {where}.", month=m, where=w))

A :class:`Message` *is* a ``str`` (a subclass): its text is the English sentence, the template
filled in, byte for byte what the f-string gave. So everything that treats it as text (``str(exc)``,
JSON, the PDF, comparisons in tests) is unchanged. It also keeps its English ``template`` and
its ``values``, so the GUI can show it in another language: :meth:`Message.render` translates
the template (``tr(template)``) and fills in the values, rendering a value that is itself a
Message (a nested sentence, or a :func:`word` such as a step title) in the same language.
The GUI does this in one place, ``keidesk.gui.kit.i18n.tr_message`` (and ``tr_error`` for an
exception: :func:`message_of`); a plain ``str`` passes through as it is.

**Extraction.** The template must be a string literal (implicit concatenation of literals is
fine, an f-string is not) passed straight to :func:`msg`. ``python3 dev.py translations`` runs
``pyside6-lupdate`` over the core folders with ``msg`` as an alias of ``QT_TR_NOOP``, so every
template lands in the ``.ts`` file in the same empty context as the GUI's ``tr()`` texts, and
the translators translate it there. Placeholders are named (``{month}``, ``{text!r}``,
``{count:,}``) and must be kept by the translation.

Keep the values plain (numbers, dates as ISO text, what the user typed, codes): they are shown
as they are. A value that is a word of the interface is wrapped in :func:`word` (its English
text must be translatable, e.g. listed in ``keidesk/gui/kit/domain_words.py``). Joining a
Message with ``+`` or ``" ".join`` gives a plain ``str`` (English only): build the whole
sentence as one Message, or nest Messages as values, instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any


class Message(str):
    """An English sentence (the ``str`` itself) with its template and values kept for
    translation."""

    template: str
    values: Mapping[str, object]

    def __new__(cls, template: str, values: Mapping[str, object] | None = None) -> Message:
        values = dict(values or {})
        self = super().__new__(cls, template.format(**values) if values else template)
        self.template = template
        self.values = values
        return self

    def render(self, language: Callable[[str], str]) -> str:
        """The sentence with ``language`` (a template's translation) applied to its template and
        to every Message in its values; English where a translation does not fit the values."""
        values: dict[str, Any] = {
            name: value.render(language) if isinstance(value, Message) else value
            for name, value in self.values.items()
        }
        translated = language(self.template)
        try:
            return translated.format(**values) if values else translated
        except (KeyError, IndexError, ValueError):  # a broken translation: English rather
            return self.template.format(**values) if values else self.template

    def __reduce__(self) -> tuple[Any, ...]:  # pickles (and copies) as a Message
        return (Message, (self.template, self.values))


def msg(template: str, /, **values: object) -> Message:
    """A sentence for people: ``template`` a string literal with named placeholders (see the
    module's docstring: lupdate extracts the literal)."""
    return Message(template, values)


def word(text: str) -> Message:
    """A word of the interface given as a value (a step title, a document kind…): translated
    with the sentence that holds it. Not extracted: its English text is listed elsewhere."""
    return Message(text)


def joined(items: Iterable[Message | str]) -> Message:
    """``A``, ``A and B``, ``A and B and C``: the same text as ``" and ".join``, translatable."""
    result: Message | None = None
    for item in items:
        part = item if isinstance(item, Message) else word(item)
        result = part if result is None else msg("{first} and {second}", first=result, second=part)
    if result is None:
        raise ValueError("nothing to join")
    return result


def listed(items: Iterable[Message | str], separator: str = "; ") -> Message:
    """``A``, ``A; B``…: the same text as ``separator.join`` (``"; "`` or ``", "``),
    translatable."""
    result: Message | None = None
    for item in items:
        part = item if isinstance(item, Message) else word(item)
        if result is None:
            result = part
        elif separator == ", ":
            result = msg("{first}, {second}", first=result, second=part)
        else:
            result = msg("{first}; {second}", first=result, second=part)
    if result is None:
        raise ValueError("nothing to list")
    return result


def message_of(exc: BaseException) -> str:
    """What an error says: its Message when it was raised with one, else its text."""
    if len(exc.args) == 1 and isinstance(exc.args[0], Message):
        return exc.args[0]
    return str(exc)
