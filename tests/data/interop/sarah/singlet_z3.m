(* Our own test model: MSSM plus a gauge-singlet superfield with a Z3 symmetry,
   written in the style of the public SARAH files (run options, a message, phases
   with \[ImaginaryI], 0 as the Z3 entry of the vector superfields). *)
Off[General::spell]
Print["loading the singlet model"];

Model`Name = "SingletZ3";

Global[[1]] = {Z[2], RParity};
Global[[2]] = {Z[3], Z3};
RpM = {-1, -1, 1};
RpP = {1, 1, -1};
w = Exp[2*Pi*\[ImaginaryI]/3];

Gauge[[1]] = {B,  U[1],  hypercharge, g1, False, RpM, 0};
Gauge[[2]] = {WB, SU[2], left,        g2, True,  RpM, 0};
Gauge[[3]] = {G,  SU[3], color,       g3, False, RpM, 0};

SuperFields[[1]] = {q,  3, {uL, dL},   1/6, 2,  3, RpM, w};
SuperFields[[2]] = {l,  3, {vL, eL},  -1/2, 2,  1, RpM, w};
SuperFields[[3]] = {Hd, 1, {Hd0, Hdm}, -1/2, 2, 1, RpP, w};
SuperFields[[4]] = {Hu, 1, {Hup, Hu0},  1/2, 2, 1, RpP, w};
SuperFields[[5]] = {d,  3, conj[dR],  1/3, 1, -3, RpM, w};
SuperFields[[6]] = {u,  3, conj[uR], -2/3, 1, -3, RpM, w};
SuperFields[[7]] = {e,  3, conj[eR],    1, 1,  1, RpM, w};
SuperFields[[8]] = {s,  1, sR,          0, 1,  1, RpP, Exp[2*Pi*\[ImaginaryI]/3]};

SuperPotential = Yu u.q.Hu - Yd d.q.Hd - Ye e.l.Hd + \[Lambda] Hu.Hd.s + \[Kappa]/3 s.s.s;

DEFINITION[GaugeES][LagrangianInput] = {{LagHC, {AddHC -> True}}};
(* soft terms written with component scalars: SuR is the scalar of u = conj[uR] *)
LagHC = Tx conj[SHd].conj[SuR].Sq.conj[Ss];

SetOptions[MakeAll, IncludeCalcHep -> False];
SetOptions[MakeSPheno, TwoLoop -> False];
