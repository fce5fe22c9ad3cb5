"""Rule data: every list the stages use, validated into one frozen `Rules` object.

The lists are data files in `pipeline/data/` (see its README), each row checked
by its pydantic model in `rows.py` when loaded: a malformed line is a
PatternError naming the file and line, before any document is read. A user's
own rules (`extract --rules DIR`, see `user.py`) are added to the packaged ones.

`load_rules(path=None, user=None)` builds a `Rules`; a run makes it the active
one (`use_rules`) for its documents, and the stages read their tables from the
active rules (`active_rules()`), each derived table built once per `Rules`
(`per_rules`). Nothing is read at import, and a test or a user can pass any
other rule set.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache, wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, get_args

from pydantic import TypeAdapter, ValidationError

from pipeline.errors import PatternError

if TYPE_CHECKING:
    from pipeline.rules.rows import (
        CountryRow,
        EventPatternRow,
        EventTriggerRow,
        EventTypeRow,
        GazetteerRow,
        InternationalRow,
        OrdinalRow,
        OrgTermRow,
        PlaceRow,
        TimexWordRow,
        TitleRow,
        WordClassRow,
    )

PACKAGE_DATA = Path(__file__).resolve().parent.parent / "data"
T = TypeVar("T")


@dataclass(frozen=True, eq=False)
class Rules:
    """Every rule list, validated. Compared and hashed by identity: one object, one rule set."""

    countries: tuple[CountryRow, ...]
    places: tuple[PlaceRow, ...]
    gazetteer: tuple[GazetteerRow, ...]
    org_terms: tuple[OrgTermRow, ...]
    timex_words: tuple[TimexWordRow, ...]
    event_types: tuple[EventTypeRow, ...]
    word_classes: tuple[WordClassRow, ...]
    ordinals: tuple[OrdinalRow, ...]
    event_patterns: tuple[EventPatternRow, ...]
    event_triggers: tuple[EventTriggerRow, ...]
    titles: tuple[TitleRow, ...]
    # derived IGOs and NGOs (scripts/derive_international.py), after the hand-written gazetteer
    international: tuple[InternationalRow, ...] = ()
    not_organizations: frozenset[str] = frozenset()  # normalized names (user rules)
    fingerprint: str = ""  # hash of the user rules' content, for cache keys
    _derived: dict[Callable, Any] = field(default_factory=dict, repr=False)


def _jsonl(path: Path, model: type[T]) -> tuple[T, ...]:
    rows = []
    for n, line in enumerate(_read(path).splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(model.model_validate_json(line))  # type: ignore[attr-defined]
        except ValidationError as exc:
            raise PatternError(f"{path.name}:{n}: {validation_reason(exc)}") from exc
    counts = Counter(r.id for r in rows)  # type: ignore[attr-defined]
    dupes = sorted(i for i, k in counts.items() if k > 1)
    if dupes:
        raise PatternError(f"{path.name}: duplicate ids {', '.join(dupes)}")
    return tuple(rows)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PatternError(f"{path}: cannot read: {exc.strerror or exc}") from exc


def validation_reason(exc: ValidationError, whole: str = "row") -> str:
    """A pydantic error as one line: `field: message` per problem; `whole` names one of no field."""
    return "; ".join(f"{'.'.join(str(p) for p in e['loc']) or whole}: {e['msg']}" for e in exc.errors())


def _json(path: Path, adapter: TypeAdapter) -> Any:
    try:
        return adapter.validate_json(_read(path))
    except ValidationError as exc:
        raise PatternError(f"{path.name}: {validation_reason(exc)}") from exc


def load_rules(path: Path | None = None, user: Path | None = None) -> Rules:
    """The rule lists of `path` (default: the package's data folder), plus a user's rules folder."""
    from pipeline.records import EventType
    from pipeline.rules import rows

    base = path or PACKAGE_DATA
    lexicon = _json(base / "event_lexicon.json", TypeAdapter(dict[str, rows.WordClassRow]))
    for key, entry in lexicon.items():
        if key != entry.id:
            raise PatternError(f"event_lexicon.json: entry {key!r} has id {entry.id!r}")
    types = _json(base / "event_types.json", TypeAdapter(rows.EventTypes)).types
    missing = set(get_args(EventType)) - {t.id for t in types}
    if missing:
        raise PatternError(f"event_types.json: no entry for the record type(s) {', '.join(sorted(missing))}")
    rules = Rules(
        countries=_jsonl(base / "countries.jsonl", rows.CountryRow),
        places=_jsonl(base / "places.jsonl", rows.PlaceRow),
        gazetteer=_jsonl(base / "gazetteer.jsonl", rows.GazetteerRow),
        international=_jsonl(base / "international.jsonl", rows.InternationalRow),
        org_terms=_jsonl(base / "org_terms.jsonl", rows.OrgTermRow),
        timex_words=_jsonl(base / "timex_words.jsonl", rows.TimexWordRow),
        event_types=types,
        word_classes=tuple(lexicon.values()),
        ordinals=_jsonl(base / "ordinals.jsonl", rows.OrdinalRow),
        event_patterns=_jsonl(base / "event_patterns.jsonl", rows.EventPatternRow),
        event_triggers=_jsonl(base / "event_triggers.jsonl", rows.EventTriggerRow),
        titles=_jsonl(base / "titles.jsonl", rows.TitleRow),
    )
    if user is not None:
        from pipeline.rules.user import with_user_rules

        rules = with_user_rules(rules, user)
    return rules


@cache
def packaged_rules() -> Rules:
    """The package's own rules, loaded once per process."""
    return load_rules()


@cache
def rules_for(user: str | None) -> Rules:
    """The packaged rules plus a user's rules folder, loaded once per process and folder."""
    return load_rules(user=Path(user)) if user else packaged_rules()


_ACTIVE: ContextVar[Rules | None] = ContextVar("pipeline_rules", default=None)


def active_rules() -> Rules:
    """The rules in use: those of `use_rules`, else the packaged ones."""
    return _ACTIVE.get() or packaged_rules()


@contextmanager
def use_rules(rules: Rules) -> Iterator[Rules]:
    """Make `rules` the active rule set for the stages run inside the block."""
    token = _ACTIVE.set(rules)
    try:
        yield rules
    finally:
        _ACTIVE.reset(token)


def per_rules(build: Callable[[Rules], T]) -> Callable[[], T]:
    """A table derived from the active rules, built once per `Rules` object.

    `@per_rules def gazetteer_index(rules): ...` is called as `gazetteer_index()`.
    """

    @wraps(build)
    def derived() -> T:
        rules = active_rules()
        try:
            return rules._derived[build]
        except KeyError:
            value = rules._derived[build] = build(rules)
            return value

    return derived
