(* Our own test model: the SM with a vector-like lepton pair, with the field list
   written as files edited by hand often are: an index left out (4), an entry
   overridden later (6), gauge entries with a global charge but no Global[[k]]. *)
Gauge[[1]] = {B,  U[1],  hypercharge, g1, False, 1};
Gauge[[2]] = {WB, SU[2], left,        g2, True,  1};
Gauge[[3]] = {G,  SU[3], color,       g3, False, 1};

FermionFields[[1]] = {q, 3, {uL, dL},  1/6, 2,  3};
FermionFields[[2]] = {l, 3, {vL, eL}, -1/2, 2,  1};
FermionFields[[3]] = {d, 3, conj[dR],  1/3, 1, -3};
FermionFields[[5]] = {u, 3, conj[uR], -2/3, 1, -3};
FermionFields[[6]] = {e, 3, conj[eR],    5, 1,  1};
FermionFields[[7]] = {LV, 1, {vV, eV}, -1/2, 2, 1};
FermionFields[[8]] = {LVb, 1, {conj[eVb], conj[vVb]}, 1/2, 2, 1};
FermionFields[[6]] = {e, 3, conj[eR],    1, 1,  1};

ScalarFields[[1]] = {H, 1, {Hp, H0}, 1/2, 2, 1};
ScalarFields[[2]] = {S, 1, S0, 0, 1, 1};
RealScalars = {S};

LagNoHC = -(mu2 conj[H].H + Expand[(lam1 + lam2) conj[H].H.conj[H].H] + 1/2 MS2 S.S);
LagHC = -(Yd conj[H].d.q + Ye conj[H].e.l + Yu H.u.q + MV LVb.LV + Delta[lor1, lor2] kS Der[S, lor1].VB);

NameOfStates = {GaugeES, EWSB};
DEFINITION[EWSB][GaugeSector] = {{{VB, VWB[3]}, {VP, VZ}, ZZ}, {{VWB[1], VWB[2]}, {VWp, conj[VWp]}, ZW}};
DEFINITION[EWSB][VEVs] = {{H0, {v, 1/Sqrt[2]}, {Ah, \[ImaginaryI]/Sqrt[2]}, {hh, 1/Sqrt[2]}}};
DEFINITION[EWSB][GaugeFixing] = {{Der[VP], -1/(2 RXi[P])}, {Der[VZ] + \[Xi]Z MZ Ah, -1/(2 RXi[Z])}};
