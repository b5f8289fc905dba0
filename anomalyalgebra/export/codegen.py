"""Derived expressions as code: a stand-alone numpy module and C via sympy's codegen.

* :func:`python_module` writes a Python module whose only import is numpy, so a fit
  can use the derived formulas without anomalyalgebra installed.  It is printed with
  sympy's NumPy printer (small integer powers as ``numpy.square``, as in
  :func:`anomalyalgebra.numeric.lambdify_numpy`).
* :func:`c_code` returns a C99 source and header through
  :func:`sympy.utilities.codegen.codegen` — sympy's own generator, not a hand-written
  one.

Generated code is imported or compiled elsewhere, so nothing given to these functions
becomes code by accident (docs/security.rst): every name is validated for the target
language (Python: :meth:`str.isidentifier` and not a keyword; C: ``[A-Za-z_][A-Za-z0-9_]*``,
not a keyword, not a name of ``<math.h>`` or reserved to the implementation), titles and
docstrings are written with :func:`repr`, C comments cannot be closed by their text,
expressions with undefined functions (whose names the printers write verbatim) are
refused, and the Python module is parsed back and checked to hold only the expected
definitions before it is returned.
"""

from __future__ import annotations

import keyword
import re
from pathlib import Path
from typing import Mapping, Sequence

import sympy as sp

from ..exceptions import AnomalyAlgebraError

__all__ = ["Function", "python_module", "write_python_module", "c_code", "CodegenError"]

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
#: C99 keywords (C11's _Keywords are reserved anyway: they start with '_' and a capital).
_C_KEYWORDS = frozenset("""auto break case char const continue default do double else enum extern
float for goto if inline int long register restrict return short signed sizeof static struct
switch typedef union unsigned void volatile while _Bool _Complex _Imaginary""".split())
#: Names of <math.h> (functions the C printer calls, and macros) a generated name would shadow.
_C_MATH = frozenset("""acos asin atan atan2 cos sin tan acosh asinh atanh cosh sinh tanh exp exp2
expm1 frexp ilogb ldexp log log10 log1p log2 logb modf scalbn scalbln cbrt fabs hypot pow sqrt erf
erfc lgamma tgamma ceil floor nearbyint rint lrint llrint round lround llround trunc fmod remainder
remquo copysign nan nextafter nexttoward fdim fmax fmin fma fpclassify isfinite isinf isnan
isnormal signbit isgreater isgreaterequal isless islessequal islessgreater isunordered INFINITY
NAN HUGE_VAL HUGE_VALF HUGE_VALL FP_INFINITE FP_NAN FP_NORMAL FP_SUBNORMAL FP_ZERO MATH_ERRNO
MATH_ERREXCEPT math_errhandling errno main""".split())


class CodegenError(AnomalyAlgebraError, ValueError):
    """A function cannot be generated (bad name, free symbol not among the arguments)."""


class Function:
    """A named closed form with an argument list: what the generators write.

    Parameters
    ----------
    name : str
        A valid identifier in Python and C.
    expr : sympy.Expr
    args : sequence of sympy.Symbol
        Every free symbol of ``expr`` must be among them.
    doc : str
        One line written as the docstring / comment.
    """

    def __init__(self, name: str, expr, args: Sequence, doc: str = ""):
        if not isinstance(name, str) or not _IDENT.fullmatch(name) or keyword.iskeyword(name):
            raise CodegenError(f"function name {name!r} is not a valid identifier")
        if isinstance(expr, str):
            # sympify would eval the text: read strings with anomalyalgebra.expr.parse_expression
            raise CodegenError(f"function {name!r}: the expression is a string; pass a sympy"
                               " expression (anomalyalgebra.expr.parse_expression reads text safely)")
        expr = sp.sympify(expr, strict=True) if not isinstance(expr, sp.Basic) else expr
        args = tuple(args)
        missing = expr.free_symbols - set(args)
        if missing:
            raise CodegenError(
                f"function {name!r}: free symbol(s) {sorted(map(str, missing))} are not arguments"
            )
        for a in args:
            if not isinstance(a, sp.Symbol) or not _IDENT.fullmatch(a.name) or keyword.iskeyword(a.name):
                raise CodegenError(f"function {name!r}: argument {getattr(a, 'name', a)!r} is not an"
                                   " identifier symbol")
        names = [a.name for a in args]
        if len(set(names)) != len(names):
            raise CodegenError(f"function {name!r}: an argument name is used twice in {names}")
        from sympy.core.function import AppliedUndef

        undefined = sorted({str(u.func) for u in expr.atoms(AppliedUndef)})
        if undefined:
            # the printers write an undefined function's name verbatim
            raise CodegenError(f"function {name!r}: undefined function(s) {undefined} cannot be"
                               " generated; substitute them first")
        if not isinstance(doc, str):
            raise CodegenError(f"function {name!r}: doc must be a string")
        self.name, self.expr, self.args, self.doc = name, expr, args, doc


#: Builtins the NumPy printer may call (``abs``); no argument may shadow them.
_PY_BUILTINS = frozenset({"abs", "min", "max", "float", "complex"})


def _check_python_names(funcs):
    seen = set()
    for f in funcs:
        for n, what in [(f.name, "function name")] + [(a.name, f"argument of {f.name!r}") for a in f.args]:
            if not n.isidentifier() or keyword.iskeyword(n) or n == "numpy" or \
                    (n in _PY_BUILTINS and what != "function name"):
                raise CodegenError(f"{what} {n!r} cannot be written in Python (an identifier, not a"
                                   f" keyword, not 'numpy', no argument named {', '.join(sorted(_PY_BUILTINS))})")
        if f.name in seen or f.name == "__all__":
            raise CodegenError(f"function name {f.name!r} is used twice or reserved")
        seen.add(f.name)


def _check_c_names(funcs, prefix):
    def ok(n):
        return (_IDENT.fullmatch(n) and n not in _C_KEYWORDS and n not in _C_MATH
                and not n.startswith("__") and not re.match(r"_[A-Z]|M_", n))
    if not isinstance(prefix, str) or not ok(prefix):
        raise CodegenError(f"prefix {prefix!r} is not a C identifier (it names the files and the"
                           " header guard)")
    seen = set()
    for f in funcs:
        for n, what in [(f.name, "function name")] + [(a.name, f"argument of {f.name!r}") for a in f.args]:
            if not ok(n) or n == f"{f.name}_result":
                raise CodegenError(f"{what} {n!r} cannot be written in C (an identifier that is not a"
                                   " keyword, a <math.h> name, reserved, or the local '<name>_result')")
        if f.name in seen:
            raise CodegenError(f"function name {f.name!r} is used twice")
        seen.add(f.name)


def _c_comment(text: str) -> str:
    """``/* text */`` that no text can close: printable ASCII only (no line breaks, no
    trigraphs), ``*/`` and ``/*`` broken up."""
    t = "".join(ch if 0x20 <= ord(ch) < 0x7F else "?" for ch in " ".join(str(text).split()))
    while "*/" in t or "/*" in t or "??" in t:
        t = t.replace("*/", "* /").replace("/*", "/ *").replace("??", "? ?")
    return f"/* {t} */"


def _functions(funcs) -> list:
    if isinstance(funcs, Function):
        return [funcs]
    if isinstance(funcs, Mapping):
        return [f if isinstance(f, Function) else Function(name, *f) for name, f in funcs.items()]
    return list(funcs)


def python_module(funcs, *, title: str = "Derived expressions") -> str:
    """Source of a module that needs only numpy.

    Parameters
    ----------
    funcs : Function, list of Function, or mapping name -> (expr, args[, doc])
    title : str, optional
        First line of the module docstring; written with :func:`repr`, so any text is
        safe (``\"\"\"`` cannot close it).

    Returns
    -------
    str
        The module source.  It is parsed back before it is returned and holds only a
        docstring, ``import numpy``, ``__all__`` and the functions.

    Raises
    ------
    CodegenError
        For a function or argument name that is not a Python identifier or is a
        keyword (or ``numpy``), a name used twice, or a non-string title.

    Examples
    --------
    >>> x, y = sp.symbols("x y", real=True)
    >>> src = python_module({"f": (sp.sqrt(x) * y**2, [x, y], "a test")})
    >>> "import numpy" in src and "def f(x, y):" in src and "anomalyalgebra" not in src.split("\\n", 3)[3]
    True
    >>> namespace = {}
    >>> exec(src, namespace)   # run the generated text (our own output, not user input)
    >>> float(namespace["f"](4.0, 3.0))
    18.0
    """
    from ..numeric import fast_numpy_printer

    if not isinstance(title, str):
        raise CodegenError(f"title must be a string, got {type(title).__name__}")
    printer = fast_numpy_printer(fully_qualified=True)
    funcs = _functions(funcs)
    _check_python_names(funcs)
    header = f"{title}.\n\nGenerated by anomalyalgebra; needs only numpy.\n"
    lines = [repr(header), "", "import numpy", "",
             "__all__ = [" + ", ".join(repr(f.name) for f in funcs) + "]", ""]
    for f in funcs:
        body = printer.doprint(f.expr)
        lines += ["", f"def {f.name}({', '.join(a.name for a in f.args)}):"]
        doc = f.doc or f"{f.name} = {sp.sstr(f.expr)}"
        lines.append(f"    {json_safe_doc(doc)}")
        lines.append(f"    return {body}")
        lines.append("")
    src = "\n".join(lines)
    _check_module_structure(src, funcs)
    return src


def _check_module_structure(src, funcs):
    """Parse the generated module and check it holds only what :func:`python_module` writes:
    a docstring, ``import numpy``, ``__all__`` and one function per entry whose body is a
    docstring and a ``return`` of an expression of names, numbers and ``numpy`` calls."""
    import ast

    try:
        tree = ast.parse(src)
    except SyntaxError as exc:
        raise CodegenError(f"the generated module does not parse ({exc.msg}, line {exc.lineno})") from None
    body = tree.body
    expected = 3 + len(funcs)
    shape = (len(body) == expected and isinstance(body[0], ast.Expr)
             and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str)
             and isinstance(body[1], ast.Import) and [a.name for a in body[1].names] == ["numpy"]
             and all(a.asname is None for a in body[1].names)
             and isinstance(body[2], ast.Assign) and [t.id for t in body[2].targets if isinstance(t, ast.Name)] == ["__all__"])
    allowed = (ast.Name, ast.Attribute, ast.Call, ast.BinOp, ast.UnaryOp, ast.Constant, ast.Load,
               ast.operator, ast.unaryop, ast.Tuple, ast.List, ast.keyword, ast.Compare, ast.cmpop,
               ast.BoolOp, ast.boolop, ast.IfExp)
    for node, f in zip(body[3:], funcs):
        names = {a.name for a in f.args} | {"numpy"} | _PY_BUILTINS
        shape = shape and isinstance(node, ast.FunctionDef) and node.name == f.name \
            and not node.decorator_list and len(node.body) == 2 \
            and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant) \
            and isinstance(node.body[1], ast.Return) and node.body[1].value is not None
        if shape:
            for sub in ast.walk(node.body[1].value):
                if not isinstance(sub, allowed) or (isinstance(sub, ast.Name) and sub.id not in names) \
                        or (isinstance(sub, ast.Attribute) and sub.attr.startswith("_")):
                    shape = False
                    break
    if not shape:
        raise CodegenError("the generated module holds more than the expected definitions;"
                           " refusing to write it (please report this)")


def json_safe_doc(text: str) -> str:
    """A docstring literal for ``text`` (quotes and backslashes escaped)."""
    return repr(" ".join(str(text).split()))


def write_python_module(path, funcs, **kwargs) -> Path:
    """Write :func:`python_module` to ``path`` (UTF-8) and return the path.

    Parameters
    ----------
    path : str or os.PathLike
        The output file (overwritten).
    funcs : Function, list of Function, or mapping name -> (expr, args[, doc])
        As in :func:`python_module`.
    **kwargs
        Passed to :func:`python_module` (``title``).

    Returns
    -------
    pathlib.Path
        ``path``.

    Raises
    ------
    CodegenError
        As :func:`python_module`.
    """
    path = Path(path)
    path.write_text(python_module(funcs, **kwargs), encoding="utf-8")
    return path


def c_code(funcs, prefix: str = "anomalyalgebra_derived") -> tuple:
    """C99 source and header for the functions (double precision).

    Every argument is a ``double``, also for integer symbols: C integer division
    would truncate a ratio such as ``(n+1)/(n-2)``.

    Each function's ``doc`` (or its expression) is written as a one-line comment that
    its text cannot close.

    Parameters
    ----------
    funcs : Function, list of Function, or mapping name -> (expr, args[, doc])
        The functions, as for :func:`python_module`.
    prefix : str, optional
        Name of the generated files' project (a C identifier; default
        ``"anomalyalgebra_derived"``).

    Returns
    -------
    (source, header) : tuple of str

    Raises
    ------
    CodegenError
        For a prefix, function or argument name that is not a C identifier, is a C
        keyword or a name of ``<math.h>``, or is reserved.

    Examples
    --------
    >>> x = sp.Symbol("x")
    >>> src, hdr = c_code({"twice": (2*x, [x])})
    >>> "double twice(double x)" in hdr
    True
    >>> n = sp.Symbol("n", integer=True)
    >>> "double ratio(double n)" in c_code({"ratio": ((n + 1)/(n - 2), [n])})[1]
    True
    """
    from sympy.utilities.codegen import C99CodeGen

    funcs = _functions(funcs)
    _check_c_names(funcs, prefix)
    gen = C99CodeGen(project=prefix)
    routines = []
    for f in funcs:
        # every argument is a double: an integer symbol would become a C int, and C
        # integer division truncates (6/(n*(n-1)*(n+1)) at n = 3 would give 0, not 0.25)
        real = {a: sp.Symbol(a.name, real=True) for a in f.args}
        routines.append(gen.routine(f.name, f.expr.xreplace(real),
                                    argument_sequence=[real[a] for a in f.args]))
    (c_name, c_src), (h_name, h_src) = gen.write(routines, prefix, header=False, empty=True)
    c_src = _define_math_macros(c_src)
    docs = "\n".join(_c_comment(f"{f.name}: {f.doc or sp.sstr(f.expr)}") for f in funcs)
    return docs + "\n" + c_src, docs + "\n" + h_src


def _define_math_macros(src: str) -> str:
    """Define the ``M_*`` constants sympy's C printer uses (``M_PI``, ``M_SQRT2``, ...)
    where <math.h> does not: they are POSIX, not C99, so ``cc -std=c99`` rejects them.
    The values are sympy's, to 21 digits."""
    from sympy.printing.c import get_math_macros

    values = {}
    for expr, macro in get_math_macros().items():
        value = sp.N(expr, 21)
        if value.is_Float and macro not in values and re.search(rf"\b{macro}\b", src):
            values[macro] = value
    lines = []
    for macro, value in sorted(values.items()):
        lines += [f"#ifndef {macro}", f"#define {macro} {value}", "#endif"]
    if not lines:
        return src
    return src.replace("#include <math.h>\n", "#include <math.h>\n" + "\n".join(lines) + "\n", 1)
