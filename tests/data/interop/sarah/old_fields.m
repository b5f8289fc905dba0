(* Our own test model in the field syntax of SARAH 3: Fields[[i]] = {components,
   generations, name, charges}.  Two copies of a U(1) x SU(2) with one doublet pair. *)
Gauge[[1]] = {BA, U[1],  chargeA, gA, False};
Gauge[[2]] = {WA, SU[2], isospin, gW, True};

Fields[[1]] = {{hu0, hup}, 1, Hu,  1/2, 2};
Fields[[2]] = {{hdm, hd0}, 1, Hd, -1/2, 2};
Fields[[3]] = {{{t1, t2}, {t3, t4}}, 1, T, 0, 3};

SuperPotential = mu Hu.Hd + lt Hu.T.Hd;
