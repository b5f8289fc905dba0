(* Our own test file: a component list built by a Mathematica loop. *)
Gauge[[1]] = {B,  U[1],  hypercharge, g1, False};
Gauge[[2]] = {WB, SU[2], left,        g2, True};
comps = Table[0, {2}, {2}];
Do[
   If[a == b, c = P0];
   comps[[a, b]] = c;
, {a, 1, 2}, {b, 1, 2}];
ScalarFields[[1]] = {T, 1, comps, 0, 3};
