"""Benchmark: ``anomalyalgebra check DIR`` on a generated collection of ~150 model files.

Run:  python benchmarks/bench_interop.py [--files 150] [--keep DIR]

The script writes SARAH (.m) and PyR@TE (.model) files from its own templates —
SM extensions with vector-like lepton pairs under an extra U(1), gauged B-L with
right-handed neutrinos, (N)MSSM variants with extra singlets, SU(5) with extra 5 + 5bar
pairs; some anomalous or with a wrong Yukawa on purpose, a few malformed — into a
temporary directory, then times

* the whole command in a fresh process (``python -m anomalyalgebra check DIR``),
* ``check_directory`` in this process,
* the baseline, measured in the same run: the same models written as TOML (by
  ``convert``) and checked by the same function — the difference is the cost of the
  SARAH/PyR@TE readers and of the term checks.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from anomalyalgebra.interop import check_directory, convert_text, read_model_file  # noqa: E402

SM_SARAH = """\
Gauge[[1]] = {{G,  SU[3], SU3c, g3, False}};
Gauge[[2]] = {{WB, SU[2], SU2L, g2, True}};
Gauge[[3]] = {{B,  U[1],  Y,    g1, False}};
Gauge[[4]] = {{Bp, U[1],  X,    gX, False}};
FermionFields[[1]] = {{q, 3, {{uL, dL}},  3, 2,  1/6, {xq}}};
FermionFields[[2]] = {{u, 3, conj[uR], -3, 1, -2/3, -{xu}}};
FermionFields[[3]] = {{d, 3, conj[dR], -3, 1,  1/3, -{xd}}};
FermionFields[[4]] = {{l, 3, {{vL, eL}},  1, 2, -1/2, {xl}}};
FermionFields[[5]] = {{e, 3, conj[eR],  1, 1,  1, -({xe})}};
{extra_fermions}
ScalarFields[[1]]  = {{H, 1, {{Hp, H0}},  1, 2,  1/2, 0}};
ScalarFields[[2]]  = {{S, 1, S0, 1, 1, 0, 1}};
LagHC = -(Yd conj[H].d.q + Ye conj[H].e.l + Yu u.q.H{extra_terms});
LagNoHC = -mu2 conj[H].H - lam conj[H].H.conj[H].H - muS conj[S].S;
"""

SM_PYRATE = """\
Name: {name}
Groups: {{SU3c: SU3, SU2L: SU2, Y: U1, X: U1}}
Fermions: {{
    q: {{Gen: 3, Qnb: {{SU3c: 3, SU2L: 2, Y: 1/6, X: {xq}}}}},
    u: {{Gen: 3, Qnb: {{SU3c: 3, Y: 2/3, X: {xu}}}}},
    d: {{Gen: 3, Qnb: {{SU3c: 3, Y: -1/3, X: {xd}}}}},
    l: {{Gen: 3, Qnb: {{SU2L: 2, Y: -1/2, X: {xl}}}}},
    e: {{Gen: 3, Qnb: {{Y: -1, X: {xe}}}}},
{extra_fermions}
}}
CplxScalars: {{
    H: {{RealFields: [Pi, Sigma], Norm: 1/Sqrt(2), Qnb: {{SU2L: 2, Y: 1/2}}}},
    S: {{RealFields: [Sr, Si], Norm: 1/Sqrt(2), Qnb: {{X: 1}}}},
}}
Potential: {{
    Definitions: {{ Ht[i] : Eps[i,j]*Hbar[j] }},
    Yukawas: {{
        Yu : qbar[i,a] Ht[i] u[a],
        Yd : qbar[i,a] H[i] d[a],
        Ye : lbar[i] H[i] e,
{extra_terms}
    }},
    QuarticTerms: {{ lam : (Hbar[i] H[i])**2 }},
}}
"""

MSSM_SARAH = """\
Global[[1]] = {{Z[2], RParity}};
RpM = {{-1, -1, 1}};
RpP = {{1, 1, -1}};
Gauge[[1]] = {{B,  U[1],  hypercharge, g1, False, RpM}};
Gauge[[2]] = {{WB, SU[2], left,        g2, True,  RpM}};
Gauge[[3]] = {{G,  SU[3], color,       g3, False, RpM}};
SuperFields[[1]] = {{q,  3, {{uL, dL}},    1/6, 2,  3, RpM}};
SuperFields[[2]] = {{l,  3, {{vL, eL}},   -1/2, 2,  1, RpM}};
SuperFields[[3]] = {{Hd, 1, {{Hd0, Hdm}}, -1/2, 2,  1, RpP}};
SuperFields[[4]] = {{Hu, 1, {{Hup, Hu0}},  1/2, 2,  1, RpP}};
SuperFields[[5]] = {{d,  3, conj[dR],    1/3, 1, -3, RpM}};
SuperFields[[6]] = {{u,  3, conj[uR],   -2/3, 1, -3, RpM}};
SuperFields[[7]] = {{e,  3, conj[eR],      1, 1,  1, RpM}};
{extra}
SuperPotential = Yu u.q.Hu - Yd d.q.Hd - Ye e.l.Hd + Mu Hu.Hd{extra_terms};
"""

SU5_SARAH = """\
Gauge[[1]] = {{VG, SU[5], SU5, gG, False}};
FermionFields[[1]] = {{Fb, 3, Fb0, -5}};
FermionFields[[2]] = {{T,  3, T0,  10}};
{extra}
ScalarFields[[1]]  = {{H5, 1, H50,  5}};
LagHC = -(Y10 T.T.H5 + Y5 T.Fb.conj[H5]);
"""

# family-universal anomaly-free U(1)' charges: x = a Y + b (B-L) with three nu_R
BL = {"xq": "1/3", "xu": "1/3", "xd": "1/3", "xl": "-1", "xe": "-1"}


def sarah_sm(i, n_pairs, anomalous=False, bad=False):
    ch = dict(BL)
    ferm, terms = ["FermionFields[[6]] = {v, 3, conj[vR], 1, 1, 0, 1};"], [" + Yv H.v.l"]
    for k in range(n_pairs):
        x = (i + k) % 5 - 2
        ferm.append(f"FermionFields[[{7 + 2 * k}]] = {{EL{k}, 1, {{NL{k}, EL{k}0}}, 1, 2, -1/2, {x}}};")
        xr = x + 1 if anomalous and k == 0 else x
        ferm.append(f"FermionFields[[{8 + 2 * k}]] = {{ER{k}, 1, {{NR{k}, ER{k}0}}, 1, 2, 1/2, {-xr}}};")
        terms.append(f" + M{k} ER{k}.EL{k}")
    if bad:
        terms.append(" + Yb H.e.l")
    return "Model`Name = \"bench " + str(i) + "\";\n" + SM_SARAH.format(
        extra_fermions="\n".join(ferm), extra_terms="".join(terms), **ch)


def pyrate_sm(i, n_pairs, anomalous=False, bad=False):
    ferm = ["    nR: {Gen: 3, Qnb: {X: -1}},"]
    terms = ["        Yn : lbar[i] Ht[i] nR,"]
    for k in range(n_pairs):
        x = (i + k) % 5 - 2
        xr = x + 1 if anomalous and k == 0 else x
        ferm.append(f"    EL{k}: {{Gen: 1, Qnb: {{SU2L: 2, Y: -1/2, X: {x}}}}},")
        ferm.append(f"    ER{k}: {{Gen: 1, Qnb: {{SU2L: 2, Y: -1/2, X: {xr}}}}},")
        if x == -1:                           # mixing with e_R only where X allows it
            terms.append(f"        Ye{k} : EL{k}bar[i] H[i] e,")
        terms.append(f"        M{k} : EL{k}bar[i] ER{k}[i],")
    if bad:
        terms.append("        Yb : lbar[i] Hbar[i] e,")
    ch = {k: v for k, v in BL.items()}
    return SM_PYRATE.format(name=f"bench{i}", extra_fermions="\n".join(ferm),
                            extra_terms="\n".join(t for t in terms if t), **ch)


def sarah_mssm(i, n_singlets):
    extra, terms = [], []
    for k in range(n_singlets):
        extra.append(f"SuperFields[[{8 + k}]] = {{s{k}, 1, s{k}0, 0, 1, 1, RpP}};")
        terms.append(f" + L{k} Hu.Hd.s{k} + K{k} s{k}.s{k}.s{k}")
    return f'Model`Name = "mssm {i}";\n' + MSSM_SARAH.format(extra="\n".join(extra), extra_terms="".join(terms))


def sarah_su5(i, n_pairs):
    extra = []
    for k in range(n_pairs):
        extra.append(f"FermionFields[[{3 + 2 * k}]] = {{P{k}, 1, P{k}0, 5}};")
        extra.append(f"FermionFields[[{4 + 2 * k}]] = {{Pb{k}, 1, Pb{k}0, -5}};")
    return f'Model`Name = "su5 {i}";\n' + SU5_SARAH.format(extra="\n".join(extra))


def generate(root: Path, n_files: int):
    root.mkdir(parents=True, exist_ok=True)
    makers = [
        lambda i: ("m", sarah_sm(i, i % 4, anomalous=(i % 11 == 0), bad=(i % 13 == 0))),
        lambda i: ("model", pyrate_sm(i, i % 4, anomalous=(i % 11 == 1), bad=(i % 13 == 1))),
        lambda i: ("m", sarah_mssm(i, i % 3)),
        lambda i: ("m", sarah_su5(i, i % 3)),
    ]
    for i in range(n_files):
        if i % 37 == 36:                      # a malformed file now and then
            (root / f"broken{i}.m").write_text("Gauge[[1]] = {B, U[1], Y, g1, False};\nFermionFields[[1]] = {e, 1;\n")
            continue
        suffix, text = makers[i % len(makers)](i)
        sub = root / ("sarah" if suffix == "m" else "pyrate") / f"g{i // 50}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"model{i:03d}.{suffix}").write_text(text)


def timed(fn):
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=150)
    ap.add_argument("--keep", default=None, help="write the collection here and keep it")
    args = ap.parse_args()
    tmp = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="aa-interop-"))
    generate(tmp / "models", args.files)
    files = sorted(p for p in (tmp / "models").rglob("*") if p.is_file())
    print(f"{len(files)} model files in {tmp / 'models'}")

    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    t_cli, proc = timed(lambda: subprocess.run([sys.executable, "-m", "anomalyalgebra", "check",
                                                str(tmp / "models")], capture_output=True, text=True,
                                               env=env))
    t_in, reports = timed(lambda: check_directory(tmp / "models"))
    # baseline: the readable models as TOML, checked by the same function
    toml = tmp / "toml"
    toml.mkdir(exist_ok=True)
    for p in files:
        try:
            imp = read_model_file(p)
        except Exception:
            continue
        (toml / (p.stem + p.suffix.replace(".", "_") + ".toml")).write_text(convert_text(imp, "toml", lossy=True))
    t_base, base = timed(lambda: check_directory(toml))
    counts = Counter(r.status for r in reports)
    print(f"statuses: {dict(sorted(counts.items()))}; CLI exit code {proc.returncode}")
    print(f"{'measurement':52s} {'files':>5s} {'seconds':>8s} {'ms/file':>8s} {'ratio':>6s}")
    for label, t, n in [("TOML, check_directory (baseline)", t_base, len(base)),
                        ("SARAH + PyR@TE, check_directory", t_in, len(reports)),
                        ("python -m anomalyalgebra check DIR (fresh process)", t_cli, len(reports))]:
        print(f"{label:52s} {n:5d} {t:8.2f} {1000 * t / max(n, 1):8.1f} {t / t_base:6.2f}")
    if not args.keep:
        import shutil

        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
