(* The SM with a down-quark Yukawa written with H instead of conj[H]: not invariant *)
Model`Name = "SM with a wrong Yukawa";
Gauge[[1]] = {G,  SU[3], SU3c, g3, False};
Gauge[[2]] = {WB, SU[2], SU2L, g2, True};
Gauge[[3]] = {B,  U[1],  Y,    g1, False};
FermionFields[[1]] = {q, 3, {uL, dL},  3, 2,  1/6};
FermionFields[[2]] = {u, 3, conj[uR], -3, 1, -2/3};
FermionFields[[3]] = {d, 3, conj[dR], -3, 1,  1/3};
FermionFields[[4]] = {l, 3, {vL, eL},  1, 2, -1/2};
FermionFields[[5]] = {e, 3, conj[eR],  1, 1,  1};
ScalarFields[[1]]  = {H, 1, {Hp, H0},  1, 2,  1/2};
LagHC = -(Yd H.d.q + Ye conj[H].e.l + Yu u.q.H);
