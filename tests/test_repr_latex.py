"""Derived objects render in Jupyter (``_repr_latex_``) in the model's notation."""

import sympy as sp

import anomalyalgebra as aa


def _balanced(tex):
    return tex.count("{") == tex.count("}") and tex.startswith("$") and tex.endswith("$")


def test_model_lagrangian_symmetries_render():
    from anomalyalgebra.operators import accidental_symmetries, allowed_operators, uncoloured_fields

    m = aa.load_model("tau_l_minus_4r")
    assert _balanced(m._repr_latex_()) and r"\mathcal{S}_5" in m._repr_latex_()
    lag = allowed_operators(m, fields=uncoloured_fields(m), include_potential=False)
    tex = lag._repr_latex_()
    assert _balanced(tex)
    assert r"\overline{\mathcal{L}_L} \mathcal{L}_R {\mathcal{S}_1}^*" in tex     # Eq. (29)/(46)
    assert tex.count(r"\text{h.c.}") == len(lag.yukawa)
    acc = accidental_symmetries(m, lag)
    tex = acc._repr_latex_()
    assert tex.count(r"\\") >= len(acc.phases) and r"\begin{array}" in tex


def test_wz_and_diagonalisation_render():
    from anomalyalgebra.breaking import diagonalise_2x2
    from anomalyalgebra.wz import wz_coefficients

    c = wz_coefficients(aa.load_model("sm_x_tau"))
    assert c._repr_latex_() == r"$C_{WW} = \alpha_{L},\quad C_{BB} = \alpha_{L} - 2 \alpha_{R}$"
    y, v, M = sp.symbols("y v M", positive=True)
    tex = diagonalise_2x2(sp.Matrix([[0, y * v], [0, M]]))._repr_latex_()
    assert _balanced(tex) and r"\tan 2\theta_L" in tex and r"\tan 2\theta_R &= 0" in tex
