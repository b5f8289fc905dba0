"""The help texts of the command line: one table of subcommands (:data:`COMMANDS`) from
which ``--help``, every ``SUBCOMMAND --help`` and the documentation page are made.
"""

from __future__ import annotations

from ..modelfile import builtin_models

__all__ = ["COMMANDS", "MODEL_ACCEPTS", "FILE_ACCEPTS", "PROGRAM", "EXIT_CODES", "fill"]


#: What a MODEL argument accepts ("{builtins}" is replaced by the built-in names, "{accepts}"
#: in the texts below by this, "{file_accepts}" by :data:`FILE_ACCEPTS`).
MODEL_ACCEPTS = ("a model file (.toml; .m: SARAH; .model or .yaml: PyR@TE) or a built-in model name"
                 " ({builtins})")


#: What a FILE argument of ``convert`` accepts.
FILE_ACCEPTS = "a model file: .toml, .m (SARAH), .model or .yaml (PyR@TE)"


#: The program's description (plain text: it is printed by --help as written).
PROGRAM = """\
anomalyalgebra: exact, symbolic anomaly bookkeeping for particle-physics models.

A MODEL is {accepts}.  Start with `anomalyalgebra models` and `anomalyalgebra check sm`;
every subcommand has its own --help."""


EXIT_CODES = ("exit codes: 0 success (check: anomaly free), 1 anomalous, 2 bad input or usage"
              " error, 3 internal error (a bug: rerun with --debug and report it)")


#: name -> (one-line summary, description).  The one source of the help texts: argparse
#: takes both from here, and so does :func:`help_texts` (the documentation page).
COMMANDS = {
    "check": (
        "field table, every anomaly trace and the verdict of a model (or of every file in a directory)",
        """\
MODEL is {accepts}, or a directory: then every model file under it (recursively) is
checked, one row per file.

For one model: the field table, every perturbative anomaly trace, Witten's SU(2)/Sp
anomaly and the discrete Z_N (Ibanez-Ross) conditions, the non-perturbative checks
(Dai-Freed conditions, the global form of the gauge group, the SU(2) global
anomalies), then `anomaly free` or `ANOMALOUS:` with the reasons.  For a SARAH or PyR@TE file, the declared
Lagrangian terms are checked for invariance too.

Only gauged factors decide the verdict; the anomalies of global symmetries
(declared gauged = false) are reported, as physics, not as an inconsistency.

Exit code 0 anomaly free, 1 anomalous (or a declared term that is not invariant),
2 unreadable input.  For a directory: 3 if reading a file hit an internal error,
else 2 if any file could not be read, else 1 if any model is anomalous, else 0."""),
    "models": (
        "list the built-in models",
        """\
One line per built-in model: the name to give as MODEL, the model's title and, for
the seed paper's models, the table it reproduces."""),
    "operators": (
        "count or list the operators by dimension, and where each accidental symmetry breaks",
        """\
MODEL is {accepts}; its charges must be numbers.


--count: the number of independent real operators of each mass dimension 5..MAX_DIM
(Hilbert series; equations of motion and integration by parts removed).

--breaking: for each accidental symmetry of the renormalisable Lagrangian (baryon
and lepton numbers, discrete remnants), the lowest dimension at which an operator
breaks it, and those operators' field content.

--list: the allowed operators up to MAX_DIM (2 to 8), every gauge and declared
global symmetry imposed.

--plot FILE (PNG, PDF or SVG, by the suffix; needs matplotlib: pip install
anomalyalgebra[plot]): with --count, the counts per dimension on a log scale, split
by the accidental charges each operator violates; with --breaking, the ladder of
dimensions at which each accidental symmetry first breaks."""),
    "symmetries": (
        "accidental global symmetries and the part exact under gauge instantons",
        """\
MODEL is {accepts}; its charges must be numbers.

The accidental symmetry group of the operators up to MAX_DIM (default 4: the
renormalisable Lagrangian) and the subgroup exact under the gauge instantons (rank,
torsion); per U(1) generator its instanton vertex and 't Hooft anomalies (see the
documentation page on global symmetries)."""),
    "enumerate": (
        "every anomaly-free set of integer charges, streamed (singlet fermions, or a model's unknowns)",
        """\
`enumerate N --qmax Q`: every set of N integer charges, 0 < |q| <= Q, of Standard
Model singlet Weyl fermions (all written left-handed) with sum q = sum q^3 = 0 (the
gravitational and cubic anomalies of the new U(1)).  Defaults as in the Python
function chiral_singlet_charges: chiral (no pair q, -q: it could have a mass) and
primitive (gcd 1); a set and its negative are counted once.

`enumerate --model FILE --qmax Q`: the unknown charges (the model's symbols, or
--unknowns) of a U(1) of a model file, integer, |q| <= Q, such that every anomaly
of the model vanishes; --require adds an operator that must be invariant.

Output: one set per line (text), --json ({"count": n, "solutions": [[...], ...]}),
--csv, or --output FILE (.json, .jsonl, .csv, .txt, or .parquet, which needs
pyarrow: pip install anomalyalgebra[parquet]).  The sets are written as they are
found, in a fixed order, never all held in memory (the JSON document, whose count
comes first, is spooled through a temporary file).  Needs numpy (pip install
anomalyalgebra[numeric])."""),
    "convert": (
        "write a model file in another format (toml, sarah, pyrate)",
        """\
FILE is {file_accepts}.  What the target format cannot express is refused (exit 2)
unless --lossy, which drops it and says what on standard error."""),
    "reproduce": (
        "derive the seed paper's equations and tables from the built-in models and compare",
        """\
Derives every result of the seed paper (Di Luzio, Nardecchia, Toni) from the
built-in models, writes the report directory (results.json, LaTeX tables and
equations, Fig. 1 as PNG and PDF) and prints the table of paper value, derived
value, verdict and provenance.  A NO is a finding (a misprint or a rounded input,
explained in the record's note), not a failure: exit code 0."""),
}


def fill(text: str) -> str:
    """The text with the placeholders filled in, each paragraph wrapped to 79 columns.

    Parameters
    ----------
    text : str
        A help text with ``{accepts}`` (:data:`MODEL_ACCEPTS`, built-in names filled in)
        and ``{file_accepts}`` (:data:`FILE_ACCEPTS`) placeholders; paragraphs are
        separated by blank lines.

    Returns
    -------
    str
        The filled and wrapped text.

    Examples
    --------
    >>> fill("a   b  c")
    'a b c'
    """
    import textwrap

    accepts = MODEL_ACCEPTS.replace("{builtins}", ", ".join(builtin_models()))
    text = text.replace("{accepts}", accepts).replace("{file_accepts}", FILE_ACCEPTS)
    return "\n\n".join(textwrap.fill(" ".join(par.split()), 79, break_on_hyphens=False)
                       for par in text.split("\n\n"))
