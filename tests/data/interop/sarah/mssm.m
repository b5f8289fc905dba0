(* MSSM with R-parity as a Z[2] global symmetry; written for the anomalyalgebra tests *)
Off[General::spell]
Model`Name = "MSSM";

Global[[1]] = {Z[2], RParity};
RpM = {-1, -1, 1};    (* superfield, scalar, fermion: matter superfields *)
RpP = {1, 1, -1};     (* Higgs superfields *)

Gauge[[1]] = {B,  U[1],  hypercharge, g1, False, RpM};
Gauge[[2]] = {WB, SU[2], left,        g2, True,  RpM};
Gauge[[3]] = {G,  SU[3], color,       g3, False, RpM};

SuperFields[[1]] = {q,  3, {uL, dL},   1/6, 2,  3, RpM};
SuperFields[[2]] = {l,  3, {vL, eL},  -1/2, 2,  1, RpM};
SuperFields[[3]] = {Hd, 1, {Hd0, Hdm}, -1/2, 2, 1, RpP};
SuperFields[[4]] = {Hu, 1, {Hup, Hu0},  1/2, 2, 1, RpP};
SuperFields[[5]] = {d,  3, conj[dR],   1/3, 1, -3, RpM};
SuperFields[[6]] = {u,  3, conj[uR],  -2/3, 1, -3, RpM};
SuperFields[[7]] = {e,  3, conj[eR],     1, 1,  1, RpM};

SuperPotential = Yu u.q.Hu - Yd d.q.Hd - Ye e.l.Hd + \[Mu] Hu.Hd;

NameOfStates = {GaugeES, EWSB};
DEFINITION[GaugeES][DiracSpinors] = {Bino -> {fB, conj[fB]}};
