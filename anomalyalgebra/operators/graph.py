"""The model as a graph (networkx): fields and operators, and the fermion mass graph.

* :func:`model_graph` — bipartite graph, field nodes ``("field", name)`` and operator
  nodes ``("op", text)``; an edge per field appearing in an operator, with the power.
* :func:`mass_graph` — after VEVs: fermion fields as nodes, an edge for every
  bilinear whose scalars all have a VEV (a mass or mixing entry), a self-loop for a
  Majorana mass.  Its connected components (:func:`mass_blocks`) are the blocks of
  the fermion mass matrices.  Components of a gauge multiplet are not split here
  (the charged and neutral entries of ``ℓ̄ E H`` and ``ℓ̄ N H̃`` land in one field-level
  block); splitting by unbroken charge is the job of the mass-matrix layer.
* :func:`to_dot` — Graphviz text; :func:`draw` — a matplotlib drawing (optional).
"""

from __future__ import annotations

import networkx as nx

from ..exceptions import MissingDependencyError, ModelError

__all__ = ["model_graph", "mass_graph", "mass_blocks", "to_dot", "draw"]


def model_graph(model, lagrangian) -> nx.Graph:
    """Bipartite field–operator graph of the allowed operators.

    Parameters
    ----------
    model : Model
        The model (one node per field).
    lagrangian : Lagrangian
        Its operators, e.g. from :func:`~anomalyalgebra.operators.allowed_operators`.

    Returns
    -------
    networkx.Graph
        Nodes ``("field", name)`` (``bipartite=0``) and ``("op", text)``
        (``bipartite=1``) with their attributes; an edge per field in an operator,
        with its ``power``.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> from anomalyalgebra.operators import allowed_operators, uncoloured_fields
    >>> m = aa.load_model("tau_l_minus_4r")
    >>> g = model_graph(m, allowed_operators(m, fields=uncoloured_fields, include_potential=False))
    >>> sorted(n for t, n in g.neighbors(("field", "EL")))
    ['bar(EL) ER', 'bar(EL) e3 S5']
    >>> nx.is_bipartite(g)
    True
    """
    g = nx.Graph(model=model.name)
    for f in model.fields:
        g.add_node(("field", f.name), bipartite=0, kind="field", label=f.name, latex=f.latex,
                   spin=str(f.spin), copies=f.copies)
    for t in lagrangian.terms:
        op = ("op", str(t.operator))
        g.add_node(op, bipartite=1, kind="operator", label=str(t.operator), coupling=str(t.coupling),
                   dimension=str(t.dimension), term_kind=t.kind)
        for name in t.operator.field_names():
            e = (("field", name), op)
            if g.has_edge(*e):
                g.edges[e]["power"] += 1
            else:
                g.add_edge(*e, power=1)
    return g


def mass_graph(model, lagrangian, vevs) -> nx.MultiGraph:
    """Fermion mass/mixing graph after the scalars ``vevs`` get VEVs.

    Parameters
    ----------
    model : Model
        The model.
    lagrangian : Lagrangian
        Its operators; the Yukawa-type bilinears whose scalars all have a VEV give
        the edges.
    vevs : iterable of str
        Names of the scalars with a VEV.

    Returns
    -------
    networkx.MultiGraph
        Fermion fields as nodes, one edge per mass or mixing term (``majorana=True``
        for a same-chirality pair, a self-loop for a Majorana mass).

    Raises
    ------
    ModelError
        If a name in ``vevs`` is not a scalar of the model.

    Examples
    --------
    Eq. (47) of the seed paper: ``e3``, ``l3``, ``EL``, ``ER`` form one block.

    >>> import anomalyalgebra as aa
    >>> from anomalyalgebra.operators import allowed_operators, uncoloured_fields
    >>> m = aa.load_model("tau_l_minus_4r")
    >>> lag = allowed_operators(m, fields=uncoloured_fields)
    >>> mass_blocks(m, lag, ["H", "S1", "S5"])
    [['l12', 'e12'], ['l3', 'e3', 'N2', 'EL', 'ER'], ['LL', 'LR'], ['N1']]

    (``N2`` joins through ``ℓ̄³ H̃ N²``, the neutral entry; see the module notes.)
    """
    vevs = set(vevs)
    for v in vevs:
        if not model.field(v).is_scalar:
            raise ModelError(f"VEV of '{v}': only scalars get VEVs")
    g = nx.MultiGraph(model=model.name, vevs=tuple(sorted(vevs)))
    keep = set(lagrangian.fields) if lagrangian.fields else {f.name for f in model.fields}
    for f in model.fields:
        if f.is_fermion and f.name in keep:
            g.add_node(f.name, chirality=f.chirality, copies=f.copies, latex=f.latex)
    for t in lagrangian.yukawa:
        fs = t.operator.fermions(model)
        sc = t.operator.scalars(model)
        if len(fs) != 2 or any(s.field not in vevs for s in sc):
            continue
        a, b = fs[0].field, fs[1].field
        g.add_edge(a, b, term=str(t.operator), coupling=str(t.coupling), dimension=str(t.dimension),
                   majorana=fs[0].conjugate == fs[1].conjugate)
    return g


def mass_blocks(model, lagrangian, vevs) -> list:
    """Connected components of :func:`mass_graph`, as lists of field names in model order.

    Parameters
    ----------
    model, lagrangian, vevs
        As in :func:`mass_graph`.

    Returns
    -------
    list of list of str
        The blocks, ordered by their first field.

    Raises
    ------
    ModelError
        As :func:`mass_graph`.
    """
    g = mass_graph(model, lagrangian, vevs)
    order = {f.name: i for i, f in enumerate(model.fields)}
    comps = [sorted(c, key=order.get) for c in nx.connected_components(g)]
    comps.sort(key=lambda c: order[c[0]])
    return comps


def _dot_id(node) -> str:
    text = node if isinstance(node, str) else ":".join(map(str, node))
    return '"' + text.replace('"', r"\"") + '"'


def to_dot(graph) -> str:
    """Graphviz DOT text of a graph from this module (no pydot needed).

    Parameters
    ----------
    graph : networkx.Graph
        A graph of :func:`model_graph` or :func:`mass_graph` (any networkx graph works).

    Returns
    -------
    str
        An undirected ``graph G { ... }``; node ids are quoted.

    Examples
    --------
    >>> g = nx.Graph(); g.add_edge("a", "b", term="bar(a) b")
    >>> print(to_dot(g))
    graph G {
      "a";
      "b";
      "a" -- "b" [label="bar(a) b"];
    }
    """
    lines = ["graph G {"]
    for n, data in graph.nodes(data=True):
        attrs = []
        if data.get("kind") == "operator":
            attrs += ["shape=box", f'label="{data["label"]}"']
        elif data.get("kind") == "field":
            attrs += ["shape=ellipse", f'label="{data["label"]}"']
        lines.append(f"  {_dot_id(n)}" + (f" [{', '.join(attrs)}]" if attrs else "") + ";")
    for e in graph.edges(data=True):
        u, v, data = e
        label = data.get("term") or (f"^{data['power']}" if data.get("power", 1) > 1 else "")
        lines.append(f"  {_dot_id(u)} -- {_dot_id(v)}" + (f' [label="{label}"]' if label else "") + ";")
    lines.append("}")
    return "\n".join(lines)


def draw(graph, ax=None, **kwargs):
    """Draw a graph from this module with matplotlib (``pip install anomalyalgebra[plot]``).

    A bipartite layout when every node has a ``bipartite`` attribute, a spring layout
    (seed 1) otherwise.

    Parameters
    ----------
    graph : networkx.Graph
        The graph.
    ax : matplotlib.axes.Axes, optional
        Where to draw (default: a new figure).
    **kwargs
        Passed to :func:`networkx.draw_networkx`.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.

    Raises
    ------
    MissingDependencyError
        If matplotlib is not installed.
    """
    try:
        import matplotlib.pyplot as plt
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise MissingDependencyError(
            "draw() needs matplotlib: pip install anomalyalgebra[plot]") from exc
    if ax is None:
        _, ax = plt.subplots()
    if all("bipartite" in d for _, d in graph.nodes(data=True)):
        top = [n for n, d in graph.nodes(data=True) if d["bipartite"] == 0]
        pos = nx.bipartite_layout(graph, top)
    else:
        pos = nx.spring_layout(graph, seed=1)
    labels = {n: d.get("label", n if isinstance(n, str) else n[1]) for n, d in graph.nodes(data=True)}
    nx.draw_networkx(graph, pos=pos, ax=ax, labels=labels, **kwargs)
    ax.set_axis_off()
    return ax
