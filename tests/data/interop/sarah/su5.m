(* Georgi-Glashow SU(5): three 5bar + 10 of left-handed fermions, Higgs 5 and a real 24 *)
Model`Name = "SU(5)";
Gauge[[1]] = {VG, SU[5], SU5, gG, False};
FermionFields[[1]] = {Fb, 3, Fb0, -5};
FermionFields[[2]] = {T,  3, T0,  10};
ScalarFields[[1]]  = {H5, 1, H50,  5};
ScalarFields[[2]]  = {S24, 1, S240, 24};
RealScalars = {S24};
LagHC = -(Y10 T.T.H5 + Y5 T.Fb.conj[H5]);
LagNoHC = -(m5 conj[H5].H5 + m24/2 S24.S24 + lam S24.S24.S24.S24);
