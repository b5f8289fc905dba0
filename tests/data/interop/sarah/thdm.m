(* Two-Higgs-doublet model of type II with a softly broken Z2 *)
Model`Name = "2HDM-II";
Gauge[[1]] = {B,  U[1],  hypercharge, g1, False};
Gauge[[2]] = {WB, SU[2], left,        g2, True};
Gauge[[3]] = {G,  SU[3], color,       g3, False};
FermionFields[[1]] = {q, 3, {uL, dL},  1/6, 2,  3};
FermionFields[[2]] = {l, 3, {vL, eL}, -1/2, 2,  1};
FermionFields[[3]] = {d, 3, conj[dR],  1/3, 1, -3};
FermionFields[[4]] = {u, 3, conj[uR], -2/3, 1, -3};
FermionFields[[5]] = {e, 3, conj[eR],    1, 1,  1};
ScalarFields[[1]]  = {H1, 1, {H1p, H10}, 1/2, 2, 1};
ScalarFields[[2]]  = {H2, 1, {H2p, H20}, 1/2, 2, 1};
LagNoHC = -(m11 conj[H1].H1 + m22 conj[H2].H2 + L1/2 conj[H1].H1.conj[H1].H1 + L2/2 conj[H2].H2.conj[H2].H2
          + L3 conj[H1].H1.conj[H2].H2 + L4 conj[H1].H2.conj[H2].H1);
LagHC = -(m12 conj[H1].H2 + L5/2 conj[H1].H2.conj[H1].H2 + Yd conj[H1].d.q + Ye conj[H1].e.l + Yu u.q.H2);
