(* SM + three right-handed neutrinos with gauged B-L, broken by a scalar of charge 2 *)
Model`Name = "SM x U(1)_B-L";
Gauge[[1]] = {B,   U[1],  Y,  g1,  False};
Gauge[[2]] = {WB,  SU[2], SU2L, g2, True};
Gauge[[3]] = {G,   SU[3], SU3c, g3, False};
Gauge[[4]] = {Bp,  U[1],  BL, gBL, False};

FermionFields[[1]] = {q, 3, {uL, dL},  1/6, 2,  3,  1/3};
FermionFields[[2]] = {l, 3, {vL, eL}, -1/2, 2,  1, -1};
FermionFields[[3]] = {d, 3, conj[dR],  1/3, 1, -3, -1/3};
FermionFields[[4]] = {u, 3, conj[uR], -2/3, 1, -3, -1/3};
FermionFields[[5]] = {e, 3, conj[eR],    1, 1,  1,  1};
FermionFields[[6]] = {v, 3, conj[vR],    0, 1,  1,  1};
ScalarFields[[1]]  = {H, 1, {Hp, H0},  1/2, 2, 1, 0};
ScalarFields[[2]]  = {S, 1, S0,          0, 1, 1, 2};

LagHC = -(Yd conj[H].d.q + Ye conj[H].e.l + Yu u.q.H + Yv H.v.l + 1/2 Yx conj[S].v.v);
LagNoHC = -mu2 conj[H].H - muS2 conj[S].S - lam conj[H].H.conj[H].H - lamS conj[S].S.conj[S].S;
