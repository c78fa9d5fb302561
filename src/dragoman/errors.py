"""One error scheme for the library and the command line.

Every error dragoman raises on purpose is a ``DragomanError`` with a stable code (``D1xx``
input, ``D2xx`` model, ``D3xx`` store, ``D4xx`` usage) and a message that says what to do.
The command line maps the kind to an exit status (1 for input, 2 for usage and setup) and
shows the traceback only with ``--verbose``; anything else is a bug and is shown as one.

Warnings are ``DragomanWarning`` subclasses whose message starts with the code, so a user
can silence one kind: ``warnings.filterwarnings("ignore", message=r"\\[D501\\]")``.
"""
from __future__ import annotations

import warnings

class DragomanError(Exception):
    """Base of every error dragoman raises on purpose."""

    code = "D000"
    exit_code = 1

    def __init__(self, message: str, *, code: str | None = None, hint: str | None = None):
        if code:
            self.code = code
        self.detail = message
        self.hint = hint
        super().__init__(self.format())

    def format(self) -> str:
        text = f"[{self.code}] {self.detail}"
        return f"{text} ({self.hint})" if self.hint else text

    def __reduce__(self):  # worker processes send errors back pickled: keep the code and hint as they are
        return _rebuild, (type(self), self.detail, self.code, self.hint)


def _rebuild(cls: type[DragomanError], detail: str, code: str, hint: str | None) -> DragomanError:
    exc = cls.__new__(cls)
    exc.detail, exc.code, exc.hint = detail, code, hint
    Exception.__init__(exc, exc.format())
    return exc


class InputError(DragomanError, ValueError):
    """An article or input file that cannot be read or analysed (exit status 1)."""

    code = "D100"
    exit_code = 1


class ModelError(DragomanError, RuntimeError):
    """The spaCy pipeline (or another resource the analysis needs) is missing or unusable."""

    code = "D200"
    exit_code = 2


class StoreError(DragomanError, RuntimeError):
    """The store cannot be opened, read or written."""

    code = "D300"
    exit_code = 2


class UsageError(DragomanError, ValueError):
    """An option, argument or call that does not make sense (exit status 2)."""

    code = "D400"
    exit_code = 2


class InternalError(DragomanError):
    """A bug: something dragoman did not expect. Shown with a hint to report it."""

    code = "D900"
    exit_code = 3

    def __init__(self, exc: BaseException):
        super().__init__(f"internal error: {type(exc).__name__}: {exc}",
                         hint="this is a bug in dragoman: please report it with the command you ran "
                              "and its `--verbose` output")


# The codes in use; the docs list them, and a test checks they are unique.
CODES = {
    "D101": "an article has no text left to analyse",
    "D102": "an article could not be analysed",
    "D103": "no input files found",
    "D201": "no English spaCy pipeline installed",
    "D202": "a spaCy pipeline without what a dragoman component needs",
    "D301": "no store at the path given",
    "D302": "the store cannot be opened",
    "D401": "an option value outside its choices",
    "D402": "pandas is needed for to_frame",
    "D403": "a user file (actors, sources) that cannot be read",
    "D501": "an article kept as partial (a stage failed on it)",
    "D502": "an article not analysed (not English, too short, or no article text)",
    "D900": "internal error (a bug)",
}


class DragomanWarning(UserWarning):
    """Base of dragoman's warnings; the message starts with ``[D5xx]``."""


class PartialWarning(DragomanWarning):
    """An article was kept with what the working stages found (D501)."""


class SkippedWarning(DragomanWarning):
    """An article was not analysed: not English, too short, or no article text (D502)."""


def warn(code: str, message: str, category: type[DragomanWarning] = DragomanWarning, stacklevel: int = 3) -> None:
    warnings.warn(f"[{code}] {message}", category, stacklevel=stacklevel)
