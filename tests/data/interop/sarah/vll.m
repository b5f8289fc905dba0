(* SM + a vector-like lepton doublet (L4, L4c) mixing with the SM leptons *)
Model`Name = "SM + vector-like lepton";
Gauge[[1]] = {B,  U[1],  hypercharge, g1, False};
Gauge[[2]] = {WB, SU[2], left,        g2, True};
Gauge[[3]] = {G,  SU[3], color,       g3, False};
FermionFields[[1]] = {q,  3, {uL, dL},   1/6, 2,  3};
FermionFields[[2]] = {l,  3, {vL, eL},  -1/2, 2,  1};
FermionFields[[3]] = {d,  3, conj[dR],   1/3, 1, -3};
FermionFields[[4]] = {u,  3, conj[uR],  -2/3, 1, -3};
FermionFields[[5]] = {e,  3, conj[eR],     1, 1,  1};
FermionFields[[6]] = {L4, 1, {N4, E4},  -1/2, 2,  1};
FermionFields[[7]] = {L4c, 1, {E4c, N4c}, 1/2, 2,  1};
ScalarFields[[1]]  = {H,  1, {Hp, H0},   1/2, 2,  1};
LagHC = -(Yd conj[H].d.q + Ye conj[H].e.l + Yu u.q.H + Y4 conj[H].e.L4 + ML L4c.L4 + Mm L4c.l);
