(* Left-right symmetric model SU(3) x SU(2)_L x SU(2)_R x U(1)_{B-L}, charges (B-L)/2 *)
Model`Name = "Left-right";
Gauge[[1]] = {G,  SU[3], color, g3, False};
Gauge[[2]] = {WL, SU[2], left,  gL, True};
Gauge[[3]] = {WR, SU[2], right, gR, False};
Gauge[[4]] = {BL, U[1],  BL,    gBL, False};
FermionFields[[1]] = {QL, 3, {uL, dL},             3, 2, 1,  1/6};
FermionFields[[2]] = {QR, 3, {conj[uR], conj[dR]}, -3, 1, 2, -1/6};
FermionFields[[3]] = {LL, 3, {vL, eL},             1, 2, 1, -1/2};
FermionFields[[4]] = {LR, 3, {conj[vR], conj[eR]},  1, 1, 2,  1/2};
ScalarFields[[1]]  = {Phi, 1, Phi0, 1, 2, 2, 0};
ScalarFields[[2]]  = {DeltaR, 1, DeltaR0, 1, 1, 3, 1};
LagHC = -(YQ QR.Phi.QL + YL LR.Phi.LL + YM conj[DeltaR].LR.LR);
