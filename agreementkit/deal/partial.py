"""The rules pydantic never reached: run them on the parts of a document that did validate.

pydantic runs a model's after-validators only when all of its fields validate, so a deal with a
typo in one KPI would report its KPI weights only after the typo is fixed, and the deal-wide
rules (notice periods, missing translations) only after everything else is. To report every
problem at once, :func:`unreached_problems` builds the document again from its valid parts and
runs those validators; a rule that touches an invalid or missing part is skipped (it will run
once that part is fixed), so no rule ever judges a value the user did not write.
"""

from __future__ import annotations

import types
import typing
from functools import lru_cache
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError

Loc = tuple[str | int, ...]


class _Skip(Exception):
    """A rule touched a value that did not validate."""


class _Unknown:
    """Stands for an invalid value: any use of it skips the rule that uses it."""

    def _skip(self, *args: Any, **kwargs: Any) -> Any:
        raise _Skip

    __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = _skip
    __bool__ = __len__ = __iter__ = __contains__ = __hash__ = _skip
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _skip
    __truediv__ = __rtruediv__ = __format__ = __int__ = __float__ = __index__ = _skip
    __getitem__ = _skip

    def __getattr__(self, name: str) -> Any:
        raise _Skip


UNKNOWN = _Unknown()


@lru_cache(maxsize=512)
def _adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    info = model.model_fields[name]
    annotation: Any = info.annotation
    if info.metadata:
        annotation = Annotated[(annotation, *info.metadata)]
    return TypeAdapter(annotation)


def _models_in(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """(the model class inside ``annotation``, whether it is a list of them)."""
    origin = typing.get_origin(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    if origin is list:
        (item,) = typing.get_args(annotation) or (None,)
        found, _ = _models_in(item)
        return found, True
    if origin in (typing.Union, types.UnionType):
        for member in typing.get_args(annotation):
            found, many = _models_in(member)
            if found is not None:
                return found, many
    return None, False


class _Builder:
    def __init__(self) -> None:
        self.problems: list[tuple[Loc, str]] = []

    def model(self, model: type[BaseModel], raw: Any, loc: Loc) -> Any:
        try:
            return model.model_validate(raw)
        except ValidationError:
            pass
        except Exception:  # a deal-wide rule error: the caller reports those already
            return UNKNOWN
        if not isinstance(raw, dict):
            return UNKNOWN
        values: dict[str, Any] = {}
        partial: set[str] = set()
        for name, info in model.model_fields.items():
            key = info.alias or name
            if key not in raw:
                continue
            values[name], whole = self.field(model, name, raw[key], (*loc, key))
            if not whole:
                partial.add(name)
        instance = model.model_construct(**values)
        self.run_validators(model, instance, partial, loc)
        return instance

    def field(self, model: type[BaseModel], name: str, raw: Any, loc: Loc) -> tuple[Any, bool]:
        try:
            return _adapter(model, name).validate_python(raw), True
        except ValidationError:
            pass
        inner, many = _models_in(model.model_fields[name].annotation)
        if inner is None:
            return UNKNOWN, False
        if many:
            if not isinstance(raw, list):
                return UNKNOWN, False
            return [self.model(inner, item, (*loc, i)) for i, item in enumerate(raw)], False
        return self.model(inner, raw, loc), False

    def run_validators(self, model: type[BaseModel], instance: Any, partial: set[str], loc: Loc) -> None:
        from agreementkit.models.deal import CrossFieldError

        decorators = model.__pydantic_decorators__
        for dec in decorators.field_validators.values():
            if dec.info.mode != "after":
                continue
            for name in dec.info.fields:
                if name not in partial:
                    continue  # pydantic ran this one already
                key = model.model_fields[name].alias or name
                try:
                    dec.func(getattr(instance, name))
                except ValueError as exc:
                    self.problems.append(((*loc, key), str(exc)))
                except (_Skip, AttributeError, TypeError, ArithmeticError, LookupError):
                    pass
        for model_dec in decorators.model_validators.values():
            if model_dec.info.mode != "after":
                continue
            try:
                model_dec.func(instance)
            except CrossFieldError as exc:
                self.problems.extend(((*loc, *path), msg) for path, msg in exc.problems)
            except ValueError as exc:
                self.problems.append((loc, str(exc)))
            except (_Skip, AttributeError, TypeError, ArithmeticError, LookupError):
                pass


def unreached_problems(model: type[BaseModel], data: Any) -> list[tuple[Loc, str]]:
    """Problems found by the rules that the failed validation of ``data`` never ran."""
    builder = _Builder()
    builder.model(model, data, ())
    return builder.problems
