"""The component registry: every analysis stage by name, with what it needs and what it fills.

In the manner of spaCy's factories. A component is registered with
``@component(name, requires=..., assigns=..., default_config=...)`` on its factory; the factory
is called once per ``Analyzer`` as ``factory(resources, settings)`` and returns the stage, a
callable run on each article as ``stage(state)`` that fills the ``ArticleState`` fields it
assigns. ``config.components`` (``components`` in ``chronicle.toml``) lists the stages to run, in
order; each one's ``requires`` must be assigned by a stage before it (``doc`` and ``article``
are always there). ``config.component_settings[name]`` overrides a component's defaults.

A user's own stage is registered from a Python entry point in the group
``chronicle.components`` (``name = "package.module:factory"``, the factory decorated with
``@component``), then named in ``components``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any, Callable, Protocol

from chronicle.errors import ConfigError
from chronicle.model import Article, Event, Quote

ENTRY_POINT_GROUP = "chronicle.components"
# what every article brings before any stage runs
GIVEN = ("doc", "article")


@dataclass
class ArticleState:
    """What the stages know of one article as they run: its parse and its record, then what
    each stage assigns (``actors``: the article's ``ArticleActors``; ``events``; ``quotes``;
    ``extra``: anything a user's stage wants to hand to a later one)."""

    doc: Any
    article: Article
    actors: Any = None
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


class Stage(Protocol):
    def __call__(self, state: ArticleState) -> None: ...


# factory(resources, settings): resources is the Analyzer's ``components.Resources`` (what is
# loaded once: lexicons, dictionaries, the KB), settings the component's merged settings
Factory = Callable[[Any, dict[str, Any]], Stage]


@dataclass(frozen=True)
class ComponentSpec:
    """A registered component: its factory, the state fields it needs and fills, its defaults."""

    name: str
    factory: Factory
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    default_config: dict[str, Any] = field(default_factory=dict)

    def build(self, resources: Any, settings: dict[str, Any] | None = None) -> Stage:
        unknown = sorted(set(settings or {}) - set(self.default_config))
        if unknown:
            raise ConfigError(f"component_settings.{self.name}: unknown setting(s) {', '.join(unknown)}; "
                              f"known: {', '.join(sorted(self.default_config)) or 'none'}")
        return self.factory(resources, {**self.default_config, **(settings or {})})


_REGISTRY: dict[str, ComponentSpec] = {}


def component(name: str, *, requires: tuple[str, ...] | list[str] = (), assigns: tuple[str, ...] | list[str] = (),
              default_config: dict[str, Any] | None = None) -> Callable[[Factory], Factory]:
    """Register ``factory`` as the component ``name`` (a later registration of a name replaces it)."""

    def register(factory: Factory) -> Factory:
        _REGISTRY[name] = ComponentSpec(name, factory, tuple(requires), tuple(assigns), dict(default_config or {}))
        return factory

    return register


def registered() -> list[ComponentSpec]:
    """Every component known now, entry points included."""
    _load_entry_points()
    return list(_REGISTRY.values())


def get_component(name: str) -> ComponentSpec:
    """The component ``name``, looked up among the built-in ones and the entry points."""
    if name not in _REGISTRY:
        _load_entry_points(name)
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(s.name for s in registered()))
        raise ConfigError(f"components: no component named {name!r}; known: {known}") from None


def plan(names: list[str] | tuple[str, ...]) -> list[ComponentSpec]:
    """The components ``names`` in order, checked: each one's needs are met by those before it."""
    specs, have = [], set(GIVEN)
    for name in names:
        spec = get_component(name)
        missing = [r for r in spec.requires if r not in have]
        if missing:
            raise ConfigError(f"components: {name!r} requires {', '.join(missing)}, which no component before it "
                              f"assigns (order: {', '.join(names)})")
        specs.append(spec)
        have.update(spec.assigns)
    return specs


def _load_entry_points(name: str | None = None) -> None:
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if (name is None and ep.name not in _REGISTRY) or ep.name == name:
            try:
                ep.load()  # the module's @component registers it
            except Exception as exc:
                raise ConfigError(f"components: entry point {ep.name!r} ({ep.value}) failed to load: {exc!r}") from exc
