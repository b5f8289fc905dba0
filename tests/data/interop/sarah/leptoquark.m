(* SM + the scalar leptoquark S1 ~ (3bar, 1, 1/3) *)
Model`Name = "SM + S1 leptoquark";
Gauge[[1]] = {B,  U[1],  hypercharge, g1, False};
Gauge[[2]] = {WB, SU[2], left,        g2, True};
Gauge[[3]] = {G,  SU[3], color,       g3, False};
FermionFields[[1]] = {q, 3, {uL, dL},  1/6, 2,  3};
FermionFields[[2]] = {l, 3, {vL, eL}, -1/2, 2,  1};
FermionFields[[3]] = {d, 3, conj[dR],  1/3, 1, -3};
FermionFields[[4]] = {u, 3, conj[uR], -2/3, 1, -3};
FermionFields[[5]] = {e, 3, conj[eR],    1, 1,  1};
ScalarFields[[1]]  = {H,  1, {Hp, H0},  1/2, 2,  1};
ScalarFields[[2]]  = {S1, 1, S1c,       1/3, 1, -3};
LagHC = -(Yd conj[H].d.q + Ye conj[H].e.l + Yu u.q.H + YL S1.q.l + YR conj[S1].u.e);
