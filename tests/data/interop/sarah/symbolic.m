(* SM x U(1)' with free charges for the quarks and leptons (one family-universal set) *)
Model`Name = "SM x U(1)' (free charges)";
zH = 0;   (* assigned a number here: replaced by it *)
Gauge[[1]] = {G,  SU[3], SU3c, g3, False};
Gauge[[2]] = {WB, SU[2], SU2L, g2, True};
Gauge[[3]] = {B,  U[1],  Y,    g1, False};
Gauge[[4]] = {Bp, U[1],  Xp,   gp, False};
FermionFields[[1]] = {q, 3, {uL, dL},  3, 2,  1/6, zq};
FermionFields[[2]] = {u, 3, conj[uR], -3, 1, -2/3, -zu};
FermionFields[[3]] = {d, 3, conj[dR], -3, 1,  1/3, -zd};
FermionFields[[4]] = {l, 3, {vL, eL},  1, 2, -1/2, zl};
FermionFields[[5]] = {e, 3, conj[eR],  1, 1,  1, -ze};
ScalarFields[[1]]  = {H, 1, {Hp, H0},  1, 2,  1/2, zH};
LagHC = -(Yd conj[H].d.q + Ye conj[H].e.l + Yu u.q.H);
