"""Export of derived objects: LaTeX, JSON, numpy/mpmath functions, Python and C code."""

from ..numeric import lambdify, lambdify_mpmath, lambdify_numpy
from .codegen import CodegenError, Function, c_code, python_module, write_python_module
from .jsonio import JSONExpressionError, dumps, from_json, loads, to_json
from .latex import align, compile_latex, document, equation, find_tex_engine, to_latex

__all__ = [
    "CodegenError", "Function", "JSONExpressionError", "align", "c_code", "compile_latex",
    "document", "dumps", "equation", "find_tex_engine", "from_json", "lambdify",
    "lambdify_mpmath", "lambdify_numpy", "loads", "python_module", "to_json", "to_latex",
    "write_python_module",
]
