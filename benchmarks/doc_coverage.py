"""Documentation coverage of the public API, measured with numpydoc's own parser.

What is counted
    Every public module of the package (``pkgutil.walk_packages`` over
    ``anomalyalgebra``; modules whose dotted name has a component starting with ``_``
    and the paper application ``anomalyalgebra.paper`` are left out).  In each module,
    every name of ``__all__`` that is a function or a class, and every public method
    (own ``def`` in the class body, name without a leading underscore; properties
    excluded) of those classes.  An object re-exported by several modules is counted
    once, in the module that defines it.  Only callables that take arguments (besides
    ``self``/``cls``) enter the figure; the others are reported as "no-arg".

What "documented" means (all must hold)
    - the docstring parses with :class:`numpydoc.docscrape.NumpyDocString` without
      an error;
    - a ``Parameters`` section names every public parameter of the signature
      (names starting with ``_`` are internal and skipped; for a class,
      in the class docstring or in ``__init__``'s; ``*args``/``**kwargs`` may be
      written with or without the stars; ``a, b : int`` counts for both; the
      fields of a dataclass may be given in ``Attributes`` instead);
    - a ``Returns`` section if the function returns a value (a ``return <expr>`` in
      its body, other than ``return None``, or a return annotation other than
      ``None``), or a ``Yields`` section if it is a generator; classes need neither;
    - a ``Raises`` section naming every typed error of
      :mod:`anomalyalgebra.exceptions` that the body raises directly (``raise
      ModelError(...)``; for a class, in ``__init__``, ``__new__`` or
      ``__post_init__``); naming a base class of the raised error also counts.
      Errors raised by callees are not traced.

Run:  python3 benchmarks/doc_coverage.py [--missing] [--module PREFIX] [--json]

``--missing`` lists every counted callable that falls short, with the reason.
The test ``tests/test_doc_coverage.py`` asserts the floor on the total.
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import importlib
import inspect
import json
import pkgutil
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):
    # run as a script from the repository root: import the working copy
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from numpydoc.docscrape import NumpyDocString  # noqa: E402

import anomalyalgebra  # noqa: E402
from anomalyalgebra import exceptions as _exceptions  # noqa: E402

__all__ = ["Entry", "public_modules", "collect", "summarise", "main"]

EXCLUDED_PACKAGES = ("anomalyalgebra.paper",)
TYPED_ERRORS = {name: getattr(_exceptions, name) for name in _exceptions.__all__}


@dataclass
class Entry:
    """One counted callable and what its docstring lacks."""

    module: str
    qualname: str
    kind: str  # "function", "class" or "method"
    takes_args: bool
    problems: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def public_modules() -> list[str]:
    """Dotted names of the public modules, the package itself first."""
    names = ["anomalyalgebra"]
    for info in pkgutil.walk_packages(anomalyalgebra.__path__, "anomalyalgebra."):
        parts = info.name.split(".")
        if any(p.startswith("_") for p in parts):
            continue
        if any(info.name == e or info.name.startswith(e + ".") for e in EXCLUDED_PACKAGES):
            continue
        names.append(info.name)
    return sorted(names)


# --------------------------------------------------------------------------- source scan


def _function_node(func):
    try:
        src = textwrap.dedent(inspect.getsource(func))
    except (OSError, TypeError):
        return None
    try:
        tree = ast.parse(src)
    except SyntaxError:
        return None
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return node
    return None


def _own_nodes(fn_node):
    """The nodes of a function body, not descending into nested defs/lambdas/classes."""
    nested = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)
    stack = [n for n in fn_node.body if not isinstance(n, nested)]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(c for c in ast.iter_child_nodes(node) if not isinstance(c, nested))


def _body_facts(func):
    """``(returns_value, is_generator, raised_typed_errors)`` read from the source."""
    node = _function_node(func)
    if node is None:
        return False, False, set()
    returns = gen = False
    raised = set()
    for n in _own_nodes(node):
        if isinstance(n, ast.Return) and n.value is not None:
            if not (isinstance(n.value, ast.Constant) and n.value.value is None):
                returns = True
        elif isinstance(n, (ast.Yield, ast.YieldFrom)):
            gen = True
        elif isinstance(n, ast.Raise) and n.exc is not None:
            exc = n.exc.func if isinstance(n.exc, ast.Call) else n.exc
            name = exc.attr if isinstance(exc, ast.Attribute) else getattr(exc, "id", None)
            if name in TYPED_ERRORS:
                raised.add(name)
    ann = node.returns
    if ann is not None:
        text = ast.unparse(ann)
        if text in ("None", "'None'", '"None"'):
            returns = False
        elif not gen and not text.startswith(("Iterator", "Generator", "Iterable")):
            returns = True
    return returns, gen, raised


# --------------------------------------------------------------------------- docstring checks


def _arg_names(callable_, *, bound):
    try:
        sig = inspect.signature(callable_)
    except (TypeError, ValueError):
        return None
    names = []
    params = list(sig.parameters.values())
    if bound and params and params[0].name in ("self", "cls"):
        params = params[1:]
    for p in params:
        if p.name in ("self", "cls") and not names:
            continue
        if p.name.startswith("_"):
            continue            # private (e.g. a dataclass's internal field)
        names.append(p.name)
    return names


def _documented_names(doc):
    out = set()
    for p in doc["Parameters"] + doc["Other Parameters"]:
        for part in p.name.split(","):
            out.add(part.strip().lstrip("*"))
    return out


def _raises_names(doc):
    out = set()
    for p in doc["Raises"]:
        for text in (p.name, p.type):
            for word in text.replace(",", " ").replace("`", " ").replace("~", " ").split():
                out.add(word.split(".")[-1])
    return out


def _parse(obj):
    text = inspect.getdoc(obj) or ""
    try:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("error")
            return NumpyDocString(text), None
    except Exception as exc:  # numpydoc raises ValueError / warns on malformed sections
        return None, f"docstring does not parse: {exc}".splitlines()[0]


def _check_raises(doc, raised, problems):
    if not raised:
        return
    documented = _raises_names(doc)
    for name in sorted(raised):
        cls = TYPED_ERRORS[name]
        ok = any(d in TYPED_ERRORS and issubclass(cls, TYPED_ERRORS[d]) for d in documented)
        if not ok:
            problems.append(f"Raises lacks {name}")


def _check_function(func, *, bound, entry):
    doc, err = _parse(func)
    if err:
        entry.problems.append(err)
        return
    args = _arg_names(func, bound=bound)
    entry.takes_args = bool(args)
    if not args:
        return
    if not doc["Parameters"]:
        entry.problems.append("no Parameters")
    else:
        missing = [a for a in args if a not in _documented_names(doc)]
        if missing:
            entry.problems.append("Parameters lacks " + ", ".join(missing))
    returns, gen, raised = _body_facts(func)
    if gen and not doc["Yields"]:
        entry.problems.append("no Yields")
    elif returns and not gen and not doc["Returns"]:
        entry.problems.append("no Returns")
    _check_raises(doc, raised, entry.problems)


def _check_class(cls, entry):
    doc, err = _parse(cls)
    if err:
        entry.problems.append(err)
        return
    if issubclass(cls, BaseException) and "__init__" not in cls.__dict__:
        args = []
    else:
        args = _arg_names(cls, bound=False) or []
        if args == ["args", "kwargs"]:
            args = []
    entry.takes_args = bool(args)
    if not args:
        return
    documented = _documented_names(doc)
    if dataclasses.is_dataclass(cls):
        # a dataclass's fields are its constructor's parameters and its attributes
        documented |= {n.strip().lstrip("*") for p in doc["Attributes"] for n in p.name.split(",")}
    init = cls.__dict__.get("__init__")
    if init is not None and inspect.getdoc(init) and init.__doc__:
        idoc, _ = _parse(init)
        if idoc is not None:
            documented |= _documented_names(idoc)
    if not documented:
        entry.problems.append("no Parameters")
    else:
        missing = [a for a in args if a not in documented]
        if missing:
            entry.problems.append("Parameters lacks " + ", ".join(missing))
    raised = set()
    for hook in ("__init__", "__new__", "__post_init__"):
        fn = cls.__dict__.get(hook)
        if isinstance(fn, staticmethod):
            fn = fn.__func__
        if inspect.isfunction(fn):
            raised |= _body_facts(fn)[2]
    _check_raises(doc, raised, entry.problems)


def _unwrap(obj):
    """The function under a ``functools.wraps`` decorator (``lru_cache``, ...)."""
    if obj is not None and not inspect.isclass(obj) and hasattr(obj, "__wrapped__"):
        inner = inspect.unwrap(obj)
        if inspect.isfunction(inner):
            return inner
    return obj


def _public_methods(cls):
    for name, attr in cls.__dict__.items():
        if name.startswith("_"):
            continue
        if isinstance(attr, (staticmethod, classmethod)):
            fn = _unwrap(attr.__func__)
            if inspect.isfunction(fn):
                yield name, fn, isinstance(attr, classmethod)
        else:
            fn = _unwrap(attr)
            if inspect.isfunction(fn):
                yield name, fn, True


# --------------------------------------------------------------------------- collection


def collect(modules=None) -> list[Entry]:
    """Every public callable of the given (default: all public) modules, checked."""
    all_public = public_modules()
    modules = all_public if modules is None else modules
    seen = set()
    entries = []
    for modname in modules:
        mod = importlib.import_module(modname)
        for name in getattr(mod, "__all__", ()):
            if name.startswith("_"):
                continue
            obj = _unwrap(getattr(mod, name, None))
            if not (inspect.isfunction(obj) or inspect.isclass(obj)):
                continue
            home = getattr(obj, "__module__", modname)
            if home != modname and home in all_public:
                continue  # counted where it is defined
            if id(obj) in seen:
                continue
            seen.add(id(obj))
            if inspect.isclass(obj):
                e = Entry(modname, obj.__qualname__, "class", False)
                _check_class(obj, e)
                entries.append(e)
                for mname, fn, bound in _public_methods(obj):
                    m = Entry(modname, f"{obj.__qualname__}.{mname}", "method", False)
                    _check_function(fn, bound=bound, entry=m)
                    entries.append(m)
            else:
                e = Entry(modname, obj.__qualname__, "function", False)
                _check_function(obj, bound=False, entry=e)
                entries.append(e)
    return entries


def summarise(entries) -> dict:
    """Per-module and total figures: ``{module: (documented, counted, no_arg)}``."""
    table = {}
    for e in entries:
        ok, n, noarg = table.get(e.module, (0, 0, 0))
        if e.takes_args:
            n += 1
            ok += e.ok
        else:
            noarg += 1
        table[e.module] = (ok, n, noarg)
    tot = [sum(v[i] for v in table.values()) for i in range(3)]
    return {"modules": table, "total": tuple(tot)}


def total_fraction(entries=None) -> float:
    """Documented fraction of the public callables that take arguments."""
    ok, n, _ = summarise(collect() if entries is None else entries)["total"]
    return ok / n if n else 1.0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--missing", action="store_true", help="list what falls short")
    ap.add_argument("--module", default="", help="only modules starting with this prefix")
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    ap.add_argument("--by-area", action="store_true",
                    help="group by first-level subpackage instead of module")
    args = ap.parse_args(argv)
    mods = [m for m in public_modules() if m.startswith(args.module)]
    entries = collect(mods)
    summ = summarise(entries)
    rows = summ["modules"]
    if args.by_area:
        grouped = {}
        for mod, (ok, n, na) in rows.items():
            area = ".".join(mod.split(".")[:2])
            g = grouped.get(area, (0, 0, 0))
            grouped[area] = (g[0] + ok, g[1] + n, g[2] + na)
        rows = grouped
    if args.json:
        out = {"modules": {k: {"documented": v[0], "counted": v[1], "no_arg": v[2]}
                           for k, v in rows.items()},
               "total": dict(zip(("documented", "counted", "no_arg"), summ["total"])),
               "missing": [{"name": f"{e.module}:{e.qualname}", "problems": e.problems}
                           for e in entries if e.takes_args and not e.ok]}
        print(json.dumps(out, indent=1))
        return 0
    width = max(len(k) for k in rows) if rows else 10
    print(f"{'module':<{width}}  documented / counted   %     (no-arg)")
    for mod in sorted(rows):
        ok, n, na = rows[mod]
        pct = f"{100 * ok / n:5.1f}" if n else "  -  "
        print(f"{mod:<{width}}  {ok:>10} / {n:<7} {pct}  ({na})")
    ok, n, na = summ["total"]
    print(f"{'TOTAL':<{width}}  {ok:>10} / {n:<7} {100 * ok / n:5.1f}  ({na})")
    if args.missing:
        print()
        for e in entries:
            if e.takes_args and not e.ok:
                print(f"{e.module}:{e.qualname}: {'; '.join(e.problems)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
