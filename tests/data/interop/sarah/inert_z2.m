(* SM + inert doublet + real triplet, odd under a Z[2] dark parity; written for the tests.
   Exercises: global charges 1/-1, line continuations, extra Lagrangians listed in
   DEFINITION[GaugeES][LagrangianInput], RealScalars naming a component, Unicode couplings. *)
Off[General::spell]
Model`Name = "Inert doublet + real triplet";
Global[[1]] = {Z[2], DarkParity};
Gauge[[1]] = {B,  U[1],  hypercharge, g1, False, 1};
Gauge[[2]] = {WB, SU[2], left,        g2, True,  1};
Gauge[[3]] = {G,  SU[3], color,       g3, False, 1};
FermionFields[[1]] = {q, 3, {uL, dL},  1/6, 2,  3, 1};
FermionFields[[2]] = {l, 3, {vL, eL}, -1/2, 2,  1, 1};
FermionFields[[3]] = {d, 3, conj[dR],  1/3, 1, -3, 1};
FermionFields[[4]] = {u, 3, conj[uR], -2/3, 1, -3, 1};
FermionFields[[5]] = {e, 3, conj[eR],    1, 1,  1, 1}
ScalarFields[[1]]  = {H,   1, {Hp, H0},  1/2, 2, 1,  1};
ScalarFields[[2]]  = {Eta, 1, {etap, eta0}, 1/2, 2, 1, -1};
ScalarFields[[3]]  = {T,   1, {{t0/Sqrt[2], tp}, {conj[tp], -t0/Sqrt[2]}}, 0, 3, 1, -1};
RealScalars = {t0};
NameOfStates = {GaugeES, EWSB};
DEFINITION[GaugeES][LagrangianInput] = {
    {LagHC,      {AddHC -> True}},
    {LagNoHC,    {AddHC -> False}},
    {LagDarkNoHC, {AddHC -> False}}
};
LagHC = -(Yd conj[H].d.q + Ye conj[H].e.l + Yu u.q.H);
LagNoHC = -mu2 conj[H].H - 1/2 λ conj[H].H.conj[H].H;
LagDarkNoHC = -m2η conj[Eta].Eta - λ3 conj[H].H.conj[Eta].Eta \
    - λ5/2 conj[H].Eta.conj[H].Eta - 1/2 mT T.T \
    - κ conj[H].T.Eta;
