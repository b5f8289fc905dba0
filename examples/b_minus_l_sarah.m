(* Gauged B - L with three right-handed neutrinos, as a SARAH model file
   (written for anomalyalgebra's examples; the same physics as b_minus_l.toml).
   SARAH lists every fermion as a left-handed Weyl field: u, d, e and nu are the
   conjugates of the right-handed fields, hence conj[...] and the flipped charges.
   Quantum numbers in the order of Gauge[[1..4]]: Y, SU(2), SU(3), B - L.

     anomalyalgebra check examples/b_minus_l_sarah.m       -> anomaly free, exit 0 *)
Model`Name = "BminusL";
Gauge[[1]] = {B,   U[1],  hypercharge, g1,  False};
Gauge[[2]] = {WB,  SU[2], left,        g2,  True};
Gauge[[3]] = {G,   SU[3], color,       g3,  False};
Gauge[[4]] = {Bp,  U[1],  BminusL,     gBL, False};

FermionFields[[1]] = {q,  3, {uL, dL},     1/6, 2,  3,  1/3};
FermionFields[[2]] = {l,  3, {vL, eL},    -1/2, 2,  1, -1};
FermionFields[[3]] = {d,  3, conj[dR],     1/3, 1, -3, -1/3};
FermionFields[[4]] = {u,  3, conj[uR],    -2/3, 1, -3, -1/3};
FermionFields[[5]] = {e,  3, conj[eR],       1, 1,  1,  1};
FermionFields[[6]] = {nu, 3, conj[vR],       0, 1,  1,  1};

ScalarFields[[1]] = {H,   1, {Hp, H0},   1/2, 2, 1,  0};
ScalarFields[[2]] = {Phi, 1, phi,          0, 1, 1, -2};

(* Yukawa couplings, the Dirac neutrino mass and the Majorana mass from <Phi> *)
LagHC = -(Yd conj[H].d.q + Ye conj[H].e.l + Yu u.q.H + Yv nu.l.H + Yx nu.nu.Phi);
LagNoHC = -mu2 conj[H].H - lam conj[H].H.conj[H].H - muP conj[Phi].Phi;
