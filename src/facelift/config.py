"""One config system for every model and training run: dataclasses, named presets,
``key=value`` overrides, and JSON files saved beside checkpoints.

A config class is a (possibly nested) dataclass. Presets are plain functions returning
an instance, registered by name. Overrides use dotted keys (``model.width=256``,
``train.lr=3e-4``) and are parsed to the field's type, so a typo or a bad value fails
with a one-line error instead of a silently ignored setting.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from pathlib import Path
from typing import Any, Callable, TypeVar

from facelift.atomic import atomic_write_text
from facelift.errors import FaceliftError

T = TypeVar("T")


def to_dict(cfg: Any) -> dict:
    return dataclasses.asdict(cfg)


def from_dict(cls: type[T], data: dict) -> T:
    """Build ``cls`` from a dict (nested dataclasses included); unknown keys are an error."""
    hints = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    unknown = set(data) - names
    if unknown:
        raise FaceliftError(f"{cls.__name__}: unknown config keys {sorted(unknown)}")
    kwargs = {}
    for key, value in data.items():
        kind = hints[key]
        if dataclasses.is_dataclass(kind) and isinstance(value, dict):
            value = from_dict(kind, value)
        elif typing.get_origin(kind) is tuple and isinstance(value, list):
            value = tuple(value)
        kwargs[key] = value
    return cls(**kwargs)


def save_config(cfg: Any, path: str | Path) -> None:
    atomic_write_text(Path(path), json.dumps(to_dict(cfg), indent=2, sort_keys=True))


def load_config(cls: type[T], path: str | Path) -> T:
    path = Path(path)
    try:
        return from_dict(cls, json.loads(path.read_text()))
    except FileNotFoundError:
        raise FaceliftError(f"{path}: config file not found") from None
    except json.JSONDecodeError as e:
        raise FaceliftError(f"{path}: config is not valid JSON ({e})") from None


def _parse_value(text: str, kind: Any, key: str) -> Any:
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if origin is typing.Union or origin is types.UnionType:
        if text.lower() in ("none", "null") and type(None) in args:
            return None
        for arg in args:
            if arg is type(None):
                continue
            try:
                return _parse_value(text, arg, key)
            except FaceliftError:
                continue
        raise FaceliftError(f"override {key}={text}: cannot parse as {kind}")
    if origin is typing.Literal:
        if text not in args:
            raise FaceliftError(f"override {key}={text}: expected one of {list(args)}")
        return text
    if origin is tuple:
        items = [t for t in text.strip("()[]").split(",") if t.strip()]
        inner = args[0] if args else str
        return tuple(_parse_value(t.strip(), inner, key) for t in items)
    try:
        if kind is bool:
            if text.lower() in ("1", "true", "yes", "on"):
                return True
            if text.lower() in ("0", "false", "no", "off"):
                return False
            raise ValueError(text)
        if kind in (int, float, str):
            return kind(text)
    except ValueError:
        raise FaceliftError(f"override {key}={text}: expected {kind.__name__}") from None
    raise FaceliftError(f"override {key}: unsupported field type {kind}")


def apply_overrides(cfg: T, overrides: list[str]) -> T:
    """Return a copy of ``cfg`` with ``key=value`` overrides applied (dotted keys for nesting)."""
    for item in overrides:
        if "=" not in item:
            raise FaceliftError(f"override {item!r} must look like key=value")
        key, text = item.split("=", 1)
        cfg = _replace_path(cfg, key.strip().split("."), text.strip(), key)
    return cfg


def _replace_path(cfg: Any, parts: list[str], text: str, full_key: str) -> Any:
    if not dataclasses.is_dataclass(cfg):
        raise FaceliftError(f"override {full_key}: {parts[0]!r} is not a config section")
    hints = typing.get_type_hints(type(cfg))
    if parts[0] not in hints:
        valid = ", ".join(f.name for f in dataclasses.fields(cfg))
        raise FaceliftError(f"override {full_key}: unknown key {parts[0]!r} (valid: {valid})")
    if len(parts) == 1:
        value = _parse_value(text, hints[parts[0]], full_key)
    else:
        value = _replace_path(getattr(cfg, parts[0]), parts[1:], text, full_key)
    return dataclasses.replace(cfg, **{parts[0]: value})


class PresetRegistry(dict[str, Callable[[], Any]]):
    """Name -> factory. ``registry.get_preset("tiny")`` raises a clear error for unknown names."""

    def __init__(self, what: str):
        super().__init__()
        self.what = what

    def register(self, name: str) -> Callable[[Callable[[], T]], Callable[[], T]]:
        def deco(fn: Callable[[], T]) -> Callable[[], T]:
            self[name] = fn
            return fn
        return deco

    def get_preset(self, name: str) -> Any:
        if name not in self:
            raise FaceliftError(f"unknown {self.what} preset {name!r}; choose one of {sorted(self)}")
        return self[name]()
