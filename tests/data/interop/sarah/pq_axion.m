(* Our own test model: a KSVZ-like axion model.  The Peccei-Quinn U(1) is a global
   symmetry (Global[[1]]); the heavy quark pair Q, Qc carries PQ charge. *)
Global[[1]] = {U[1], PQ};

Gauge[[1]] = {B,  U[1],  hypercharge, g1, False, 0};
Gauge[[2]] = {WB, SU[2], left,        g2, True,  0};
Gauge[[3]] = {G,  SU[3], color,       g3, False, 0};

FermionFields[[1]] = {q, 3, {uL, dL},  1/6, 2,  3, 0};
FermionFields[[2]] = {l, 3, {vL, eL}, -1/2, 2,  1, 0};
FermionFields[[3]] = {d, 3, conj[dR],  1/3, 1, -3, 0};
FermionFields[[4]] = {u, 3, conj[uR], -2/3, 1, -3, 0};
FermionFields[[5]] = {e, 3, conj[eR],    1, 1,  1, 0};
FermionFields[[6]] = {Q, 1, QL,          0, 1,  3, 1};
FermionFields[[7]] = {Qc, 1, conj[QR],   0, 1, -3, 0};

ScalarFields[[1]] = {H, 1, {Hp, H0}, 1/2, 2, 1, 0};
ScalarFields[[2]] = {sig, 1, sig0,     0, 1, 1, -1};

LagHC = -(Yd conj[H].d.q + Ye conj[H].e.l - Yu H.u.q + yQ sig.Qc.Q);
LagNoHC = -(mu2 conj[H].H + ms2 conj[sig].sig);
