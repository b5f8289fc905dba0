"""Issue 19: LaTeX written from names and captions is escaped; compiling it is sandboxed."""

import os
import subprocess

import pytest

import anomalyalgebra as aa
from anomalyalgebra.export.latex import compile_latex, document, find_tex_engine
from anomalyalgebra.interop import loads_model_text
from anomalyalgebra.model import Model
from anomalyalgebra.tables import field_table_array, field_table_latex

SPECIALS = "# $ % & _ { } ~ ^ \\"
HOSTILE = r"a^b~c \input{/etc/passwd} #1 $x$ 50% & {g}_h \\ \immediate\write18{touch /tmp/x}"


def needs_tex():
    if find_tex_engine() is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install a TeX engine (.ci/run installs texlive-latex-base)")
        pytest.skip("no TeX engine here; CI installs one")


def _renamed(model, name):
    return Model(name, model.groups, model.fields, model.symbols, model.symbol_latex, model.description)


def _caption(tex):
    return next(line for line in tex.splitlines() if line.startswith(r"\caption{"))[len(r"\caption{"):-1]


def test_caption_escapes_every_special_character():
    sm = aa.load_model("sm")
    cap = _caption(field_table_latex(sm, caption=SPECIALS))
    assert cap == (r"\# \$ \% \& \_ \{ \} \textasciitilde{} \textasciicircum{} \textbackslash{}")
    # the model name in the default caption too; '^' and '~' were left raw before
    cap = _caption(field_table_latex(_renamed(sm, "a^b~c")))
    assert cap == r"Field content of the a\textasciicircum{}b\textasciitilde{}c model."
    # a newline cannot end the caption's paragraph (a blank line inside \caption is an error)
    assert "\n" not in _caption(field_table_latex(sm, caption="x\n\ny"))


def test_document_title_is_text():
    tex = document(["body"], title=r"T} \input{/etc/passwd} \title{x")
    assert r"\title{T\} \textbackslash{}input\{/etc/passwd\} \textbackslash{}title\{x}" in tex


def test_hostile_caption_compiles_to_the_characters(tmp_path):
    needs_tex()
    sm = aa.load_model("sm")
    tex = document([field_table_latex(_renamed(sm, HOSTILE), caption=HOSTILE)], title=HOSTILE)
    pdf = compile_latex(tex, tmp_path)
    assert pdf.read_bytes().startswith(b"%PDF")
    log = (tmp_path / "report.log").read_text(errors="replace")
    assert "/etc/passwd" not in log.replace(r"\input\{/etc/passwd\}", "")  # nothing was opened
    assert not os.path.exists("/tmp/x")


PYRATE = """
Groups: {U1Y: U1}
Fermions: {Q_L: {Gen: 1, Qnb: {U1Y: 1}}, d__R: {Gen: 1, Qnb: {U1Y: -1}}}
"""


def test_imported_latex_is_escaped_unless_trusted():
    imp = loads_model_text(PYRATE, "pyrate", chirality={"Q_L": "L", "d__R": "L"})
    assert [f.latex for f in imp.model.fields] == [r"Q\_L", r"d\_\_R"]
    trusted = loads_model_text(PYRATE, "pyrate", chirality={"Q_L": "L", "d__R": "L"}, trust_latex=True)
    assert [f.latex for f in trusted.model.fields] == ["Q_L", "d__R"]
    # and the table prints the escaped names (a double subscript 'd__R' does not compile)
    assert r"d\_\_R & " in field_table_array(imp.model)


def test_own_model_files_are_trusted_latex():
    # the package's own TOML files: their latex strings are typeset as written
    assert aa.load_model("sm").field("l").latex == r"\ell_L^i"


def test_group_labels_are_escaped_in_headers():
    m = aa.load_model("sm")
    head = field_table_latex(m).splitlines()[4]
    assert r"\mathrm{SU2L}" in head
    import anomalyalgebra.tables as t

    assert t._group_latex("a_b", m.group("Y")) == r"$\mathrm{U(1)}_{\mathrm{a\_b}}$"


@pytest.mark.parametrize("where", ["absolute", "parent", "passwd"])
def test_compile_latex_cannot_read_outside_its_directory(where, tmp_path):
    needs_tex()
    secret = tmp_path / "secret.tex"
    secret.write_text("SECRETTOKEN\n")
    name = {"absolute": str(secret), "parent": "../secret", "passwd": "/etc/passwd"}[where]
    opened = str(secret) if where != "passwd" else "/etc/passwd"
    work = tmp_path / "work"
    with pytest.raises(RuntimeError):
        compile_latex(document([r"BEGIN \input{" + name + r"} END"]), work)
    assert not (work / "report.pdf").exists()
    log = (work / "report.log").read_text(errors="replace")
    assert "(" + opened not in log and "(" + name not in log      # TeX logs "(file" when it opens one
    # the same document compiles when the file is inside the working directory
    (work / "inside.tex").write_text("INSIDE\n")
    assert compile_latex(document([r"\input{inside}"]), work).exists()


def test_compile_latex_runs_no_shell_and_writes_only_below_its_directory(tmp_path):
    needs_tex()
    target = tmp_path.parent / f"{tmp_path.name}_outside.txt"
    tex = document([r"\immediate\write18{touch " + str(target) + r"}"
                    r"\newwrite\w \immediate\openout\w=" + str(target) +
                    r" \immediate\write\w{x}\immediate\closeout\w ok"])
    with pytest.raises(RuntimeError):
        compile_latex(tex, tmp_path / "work")
    assert not target.exists()


def test_compile_latex_sandbox_settings(tmp_path, monkeypatch):
    # the command line and environment given to the engine, checked without TeX
    import anomalyalgebra.export.latex as latex

    seen = {}

    def fake_run(cmd, **kw):
        seen.update(cmd=cmd, env=kw.get("env"), timeout=kw.get("timeout"), stdin=kw.get("stdin"))
        (tmp_path / "report.pdf").write_bytes(b"%PDF-1.5")
        return subprocess.CompletedProcess(cmd, 0, "", "")

    monkeypatch.setattr(latex, "find_tex_engine", lambda: "/usr/bin/pdflatex")
    monkeypatch.setattr(latex.subprocess, "run", fake_run)
    latex.compile_latex("x", tmp_path, timeout=7)
    assert "-no-shell-escape" in seen["cmd"]
    assert seen["env"]["openin_any"] == "p" and seen["env"]["openout_any"] == "p"
    assert seen["timeout"] == 7 and seen["stdin"] == subprocess.DEVNULL
    with pytest.raises(ValueError):
        latex.compile_latex("x", tmp_path, name="../evil")
