"""Exact integer lattices: one layer for every part of the package that needs one.

Everything works on Python integers (or python-flint's ``fmpz``), so no result can
overflow or be rounded.  Matrices are lists of rows.

* :func:`hermite_rows` -- the row Hermite normal form (a canonical basis of a row lattice);
* :func:`column_hermite_form` -- ``A U = H`` with an explicit unimodular ``U``, the
  transpose of the same elimination carrying its transform along (one Hermite-form
  routine in the package);
* :func:`integer_solutions` -- all integer solutions of ``A x = b`` as ``x0 + K t``
  (canonical ``x0`` and ``K``), from that Hermite form;
* :func:`integer_kernel` -- the integer kernel (the ``K`` of :func:`integer_solutions`
  with ``b = 0``, the only place a kernel is computed), optionally with the torsion
  invariants and generators of ``{θ : A θ in Z^m}`` from the Smith form: the
  enumeration takes its kernel from :func:`integer_solutions`, the accidental
  symmetries from here;
* :func:`smith_normal_form` -- ``U A V = D`` with unimodular transforms (alternating
  row and column Hermite forms of the same elimination), verified by
  :func:`check_smith` before it is returned;
* :func:`lll_reduce` -- an LLL-reduced basis (sympy's ``DomainMatrix.lll_transform``,
  the transform verified);
* :func:`int_det`, :func:`rational_rank` -- exact determinant and rank (sympy's
  ``DomainMatrix``).

Backends
--------
sympy's ``DomainMatrix`` is used where its result is correct and checkable: the
determinant and the rank (fraction-free, exact), and LLL (the transform ``T`` with
``T B = R`` is returned by sympy and checked here: ``|det T| = 1``; always sympy's
Python LLL, since flint's returns another reduced basis).  sympy's Smith
decomposition is not used (sympy issue 29139: its transforms are not always
unimodular), nor its Hermite form (no transform, and column-style only).  When
python-flint is installed (extra ``flint``), sympy itself runs ``DomainMatrix`` over
the integers on flint, and :func:`hermite_rows` uses ``fmpz_mat.hnf`` for large
dense inputs: the Hermite normal form is unique, so both backends return the same
matrix (tested).  flint is 5-20x faster on dense matrices of a few thousand
entries, but 2-5x slower on the sparse charge matrices of operator sets (a few
non-zero entries per row), where the Python elimination has almost nothing to do.  Choose
with ``backend="python"`` / ``"flint"`` / ``"auto"`` (default); the measurements
behind the choice are in ``docs/performance.md`` (*Exact lattices*).  The forms with a
transform (:func:`column_hermite_form`, hence :func:`integer_solutions` and
:func:`integer_kernel`) always use the Python elimination: python-flint's ``hnf`` and
``snf`` return no transform; their outputs are canonical all the same (the Hermite
form is unique, the kernel and ``x0`` are normalised), so they do not depend on the
install either.
"""

from __future__ import annotations

__all__ = [
    "hermite_rows",
    "column_hermite_form",
    "integer_solutions",
    "integer_kernel",
    "smith_normal_form",
    "check_smith",
    "lll_reduce",
    "int_det",
    "rational_rank",
    "flint_available",
]

#: ``backend="auto"`` hands the row Hermite form to python-flint from this many
#: entries on, if at least ``FLINT_MIN_DENSITY`` of them are non-zero (measured
#: crossover, docs/performance.md *Exact lattices*)
FLINT_MIN_ENTRIES = 1000
FLINT_MIN_DENSITY = 0.2


def flint_available() -> bool:
    """True when python-flint (extra ``flint``) can be imported."""
    try:
        import flint  # noqa: F401
    except ImportError:
        return False
    return True


def _flint():
    try:
        import flint
    except ImportError as exc:
        from .exceptions import MissingDependencyError

        raise MissingDependencyError(
            "backend='flint' needs python-flint: pip install anomalyalgebra[flint]") from exc
    return flint


def _check_backend(backend: str) -> str:
    if backend not in ("auto", "python", "flint"):
        raise ValueError(f"backend must be 'auto', 'python' or 'flint', got {backend!r}")
    return backend


def _domain_matrix(rows, n_cols=None):
    from sympy import ZZ
    from sympy.polys.matrices import DomainMatrix

    m = len(rows)
    n = n_cols if n_cols is not None else (len(rows[0]) if rows else 0)
    return DomainMatrix([[ZZ(int(x)) for x in r] for r in rows], (m, n), ZZ)


def _identity(n):
    return [[int(i == j) for j in range(n)] for i in range(n)]


def _ints(rows, what: str) -> list:
    out = []
    for r in rows:
        row = []
        for v in r:
            if isinstance(v, bool) or not hasattr(v, "__index__"):
                raise TypeError(f"{what}: entries must be integers, got {v!r}")
            row.append(int(v.__index__()))
        out.append(row)
    return out


def _hermite(A, n: int, transform: bool, carry=None):
    """Row Hermite normal form of the m x n integer matrix ``A`` (lists of ints).

    The one Hermite-form elimination of the package: :func:`hermite_rows` is its
    non-zero rows, :func:`column_hermite_form` its transpose.  Returns
    ``(H, T, pivots)``: ``H`` the m x n Hermite form (the ``r = rank A`` non-zero rows
    first, pivots positive and increasing, entries above a pivot in ``[0, pivot)``,
    then ``m - r`` zero rows), ``T`` an m x m unimodular matrix with ``T A = H``
    (``None`` unless *transform*) and ``pivots`` the pivot column of each of the
    first ``r`` rows.  Each column is cleared below its pivot by repeated division
    by the entry of smallest absolute value (a Euclid over the rows), so a sparse
    column costs almost nothing; every step is a row swap, a sign flip or adding an
    integer multiple of one row to another, which keeps ``T`` unimodular.  With
    ``carry`` (m rows) the same row operations are applied to it and ``T carry`` is
    returned in place of ``T``.
    """
    m = len(A)
    if carry is not None:
        rows = [list(r) + list(c) for r, c in zip(A, carry)]
    elif transform:
        # carry T along as extra columns: [A | 1] -> [H | T]
        rows = [list(r) + [int(i == j) for j in range(m)] for i, r in enumerate(A)]
    else:
        rows = [list(r) for r in A]
    pivots = []
    r = 0
    for c in range(n):
        if r == m:
            break
        while True:
            nz = [i for i in range(r, m) if rows[i][c]]
            if not nz:
                break
            p = min(nz, key=lambda i: abs(rows[i][c]))
            rows[r], rows[p] = rows[p], rows[r]
            if rows[r][c] < 0:
                rows[r] = [-x for x in rows[r]]
            pr, pv = rows[r], rows[r][c]
            again = False
            # the rows to clear: nz after the swap (the old row r now sits at p)
            for i in (p if i == r else i for i in nz if i != p):
                row = rows[i]
                q = row[c] // pv
                row = rows[i] = [x - q * y for x, y in zip(row, pr)]
                if row[c]:
                    again = True
            if not again:
                break
        if r < m and rows[r][c]:
            pr, pv = rows[r], rows[r][c]
            for i in range(r):
                q = rows[i][c] // pv
                if q:
                    rows[i] = [x - q * y for x, y in zip(rows[i], pr)]
            pivots.append(c)
            r += 1
    if not transform and carry is None:
        return rows, None, pivots
    return [row[:n] for row in rows], [row[n:] for row in rows], pivots


def hermite_rows(rows, *, backend: str = "auto"):
    """Row-style Hermite normal form of a lattice basis (rows), zero rows dropped.

    Pivots are positive, entries above a pivot reduced into ``[0, pivot)``.  The
    result is the canonical basis of the row lattice (unique), so it is the same for
    every backend; for a lattice that is a direct sum over disjoint sets of columns
    it returns generators with disjoint supports.

    Parameters
    ----------
    rows : sequence of sequences of int
        Generators of the lattice (any number, possibly dependent).
    backend : {"auto", "python", "flint"}
        ``"auto"``: python-flint, when it is installed, for inputs with at least
        ``FLINT_MIN_ENTRIES`` entries of which at least a fraction
        ``FLINT_MIN_DENSITY`` are non-zero; Python integers otherwise.

    Returns
    -------
    list of list of int
        The Hermite basis, one row per pivot.

    Raises
    ------
    ValueError
        For an unknown backend.
    TypeError
        If an entry is not an integer.
    MissingDependencyError
        For ``backend="flint"`` without python-flint.

    Examples
    --------
    >>> hermite_rows([[1, 1, 0, 0], [1, 1, 1, 1], [0, 0, 2, 2]])
    [[1, 1, 0, 0], [0, 0, 1, 1]]
    >>> hermite_rows([[2, 4, 4], [-6, 6, 12]], backend="python")
    [[2, 4, 4], [0, 18, 24]]
    """
    _check_backend(backend)
    return _hermite_rows(_ints(rows, "hermite_rows"), backend)


def _hermite_rows(A, backend):
    """:func:`hermite_rows` of validated rows (lists of ints)."""
    if not A:
        return []
    size = len(A) * len(A[0])
    use_flint = backend == "flint" or (
        backend == "auto" and size >= FLINT_MIN_ENTRIES and flint_available()
        and sum(1 for r in A for x in r if x) >= FLINT_MIN_DENSITY * size)
    if use_flint:
        H = [[int(x) for x in row] for row in _flint().fmpz_mat(A).hnf().tolist()]
    else:
        H, _, pivots = _hermite(A, len(A[0]), False)
        H = H[:len(pivots)]
    return [r for r in H if any(r)]


def column_hermite_form(A, n_cols: int | None = None):
    """Column Hermite normal form ``A U = H`` with an explicit unimodular ``U``.

    The transpose of the row Hermite form of ``A^T`` with its transform (the one
    elimination behind :func:`hermite_rows`).

    Parameters
    ----------
    A : sequence of sequences of int
        An m x n integer matrix (list of rows).
    n_cols : int, optional
        Number of columns; needed only when ``A`` has no rows.

    Returns
    -------
    H : list of list of int
        Column echelon form: the first ``r`` columns have pivots at strictly
        increasing rows (``pivots``), each pivot positive and every entry left of a
        pivot reduced to ``0 <= h < pivot``; columns ``r .. n-1`` are zero.  It is
        the (unique) Hermite normal form of the column lattice of ``A``.
    U : list of list of int
        n x n integer matrix with determinant +-1 and ``A U = H``.
    pivots : list of int
        The pivot row of each of the first ``r = rank A`` columns.

    Examples
    --------
    >>> H, U, piv = column_hermite_form([[2, 4, 6]])
    >>> H, piv
    ([[2, 0, 0]], [0])
    >>> [sum(a * U[j][k] for j, a in enumerate([2, 4, 6])) for k in range(3)]
    [2, 0, 0]
    """
    M = _ints(A, "column_hermite_form")
    n = n_cols if n_cols is not None else (len(M[0]) if M else 0)
    return _column_hermite(M, n, "column_hermite_form")


def _column_hermite(M, n, what, carry=None):
    """:func:`column_hermite_form` of validated rows (lists of ints); with ``carry``
    (n columns) ``carry U`` is returned in place of ``U``."""
    if any(len(r) != n for r in M):
        raise ValueError(f"{what}: rows of different lengths")
    Ht, T, pivots = _hermite([list(col) for col in zip(*M)] if M else [[] for _ in range(n)],
                             len(M), True, None if carry is None else [list(c) for c in zip(*carry)])
    H = [list(row) for row in zip(*Ht)] if M else []
    U = [list(row) for row in zip(*T)]
    return H, U, pivots


def integer_solutions(A, b, n_cols: int | None = None):
    """All integer solutions of ``A x = b``: ``(x0, K)`` with solutions ``x0 + K t``.

    Parameters
    ----------
    A : sequence of sequences of int
        The m x n integer matrix (rows).
    b : sequence of int
        Right-hand side, length m.
    n_cols : int, optional
        Number of columns n (needed when ``A`` has no rows).

    Returns
    -------
    (x0, K) or None
        ``x0`` is one integer solution (a list) and ``K`` a list of kernel basis
        vectors (each a list of length n); every integer solution is ``x0 + sum_j
        t_j K[j]`` for exactly one integer vector ``t``.  Both are canonical: ``K``
        is in row Hermite normal form and ``x0`` is reduced modulo it (each pivot
        coordinate of ``K`` in ``[0, pivot)``).  ``None`` when no integer
        solution exists.

    Raises
    ------
    ValueError
        If ``A`` and ``b`` have different numbers of rows, or rows differ in length.
    TypeError
        If an entry is not an integer.

    Notes
    -----
    With ``A U = H`` (:func:`column_hermite_form`) and ``x = U y``, the system is
    ``H y = b``; ``H`` is triangular on its pivots, so ``y_1 .. y_r`` follow by
    exact division (a remainder proves that no integer solution exists) and
    ``y_{r+1} .. y_n`` are free.  Because ``U`` is unimodular, ``x`` is integral
    iff ``y`` is, so the last ``n - r`` columns of ``U`` generate the whole
    integer kernel.

    Examples
    --------
    >>> integer_solutions([[2, 4]], [3]) is None          # 2x + 4y is even
    True
    >>> x0, K = integer_solutions([[2, 4]], [6])
    >>> 2 * x0[0] + 4 * x0[1], [2 * k[0] + 4 * k[1] for k in K]
    (6, [0])
    """
    A = _ints(A, "integer_solutions")
    (b,) = _ints([b], "integer_solutions")
    if len(b) != len(A):
        raise ValueError("integer_solutions: A and b have different numbers of rows")
    n = n_cols if n_cols is not None else (len(A[0]) if A else 0)
    H, U, pivots = _column_hermite(A, n, "integer_solutions")
    r = len(pivots)
    y = [0] * n
    for k, i in enumerate(pivots):
        rest = b[i] - sum(H[i][j] * y[j] for j in range(k))
        q, rem = divmod(rest, H[i][k])
        if rem:
            return None
        y[k] = q
    for i in range(len(A)):
        if sum(H[i][j] * y[j] for j in range(r)) != b[i]:
            return None
    x0 = [sum(U[i][j] * y[j] for j in range(r)) for i in range(n)]
    K = _columns_hermite(U, r, n)
    return _reduce_mod(x0, K), K


def _columns_hermite(U, r, n):
    """Row Hermite form of the columns ``r .. n-1`` of the n x n matrix ``U`` (as rows):
    the canonical basis of the kernel when ``U`` is a unimodular right transform that
    zeroes those columns."""
    return _hermite_rows([[U[i][j] for i in range(n)] for j in range(r, n)], "python")


def _reduce_mod(x, hnf):
    """The representative of ``x + lattice(hnf)`` with every pivot coordinate in ``[0, pivot)``."""
    x = list(x)
    for row in hnf:
        c = next(j for j, v in enumerate(row) if v)
        q = x[c] // row[c]
        if q:
            x = [a - q * b for a, b in zip(x, row)]
    return x


def integer_kernel(A, n_cols: int | None = None, *, torsion: bool = False):
    """The integer kernel ``{t in Z^n : A t = 0}``: a basis in row Hermite normal form.

    The lattice is saturated (every integer kernel vector is an integer combination
    of the rows returned), and the basis is canonical: it depends only on the
    lattice, not on ``A``'s rows or the backend.  This is the package's one
    integer-kernel routine (the charge enumeration and the accidental symmetries
    both use it).

    Parameters
    ----------
    A, n_cols
        The m x n integer matrix (list of rows) and, only when ``A`` has no rows,
        the number of columns ``n``.
    torsion : bool
        Also return the torsion of the group ``{θ in (R/Z)^n : A θ in Z^m}``, read
        off the verified Smith form ``D = U A' V`` (:func:`smith_normal_form`) of
        ``A' = hermite_rows(A)`` (the same row lattice, so the same group).

    Returns
    -------
    K : list of list of int
        The kernel basis (``n - rank A`` rows); when *torsion* is false, only this.
    torsion : list of (int, list of int)
        With *torsion*: for each Smith invariant ``d > 1``, ``(d, v)`` with ``v`` the
        matching column of ``V``; ``v / d`` generates a ``Z_d`` factor.
    invariants : list of int
        With *torsion*: the non-zero Smith invariants ``d_1 | d_2 | ...`` of ``A``.

    Notes
    -----
    The rows of ``A`` are first reduced to their Hermite form (the kernel and the
    group depend only on the row lattice), then the kernel is
    :func:`integer_solutions` with ``b = 0``; with *torsion* it is read off the Smith
    form instead (the Hermite form of the last ``n - r`` columns of ``V``: the same
    lattice, so the same canonical basis, for one elimination less).  The group is
    ``U(1)^{n-r} × Π_i Z_{d_i}``: its identity component is spanned by ``K``.

    Examples
    --------
    >>> integer_kernel([[1, 1, -2]])
    [[1, 1, 1], [0, 2, 1]]
    >>> integer_kernel([[2, 4]])
    [[2, -1]]
    >>> K, tors, inv = integer_kernel([[2, 4]], torsion=True)  # 2θ1 + 4θ2 in Z
    >>> K, inv, [d for d, _ in tors]
    ([[2, -1]], [2], [2])
    """
    A = _ints(A, "integer_kernel")
    n = n_cols if n_cols is not None else (len(A[0]) if A else 0)
    if any(len(r) != n for r in A):
        raise ValueError("integer_kernel: rows of different lengths")
    R = _hermite_rows(A, "auto")
    if not R:
        return (_identity(n), [], []) if torsion else _identity(n)
    if not torsion:
        return integer_solutions(R, [0] * len(R), n)[1]
    # R V = U^-1 D: the columns r .. n-1 of the unimodular V span the kernel
    D, _, V = smith_normal_form(R)
    K = _columns_hermite(V, len(R), n)
    invariants = [D[i][i] for i in range(len(R))]      # R has full row rank: all > 0
    tors = [(d, [V[i][j] for i in range(n)]) for j, d in enumerate(invariants) if d > 1]
    return K, tors, invariants


def smith_normal_form(a):
    """Smith normal form ``D = U A V`` of an integer matrix, with unimodular ``U``, ``V``.

    Parameters
    ----------
    a : list of lists of int (m × n)

    Returns
    -------
    (D, U, V) : lists of lists of int
        ``D`` is m × n diagonal with non-negative ``d_1 | d_2 | ...``.

    Examples
    --------
    >>> D, U, V = smith_normal_form([[2, 4, 4], [-6, 6, 12], [10, -4, -16]])
    >>> [D[i][i] for i in range(3)]
    [2, 6, 12]
    >>> D, U, V = smith_normal_form([[1, 1]])   # kernel generator: last column of V
    >>> D, [row[1] for row in V]
    ([[1, 0]], [-1, 1])
    """
    from sympy import ZZ

    m = len(a)
    n = len(a[0]) if m else 0
    A = [list(map(int, r)) for r in a]
    U, V = _identity(m), _identity(n)
    if m and n:
        # Alternate the row and the column Hermite form (the one elimination of this
        # module, which keeps the entries above each pivot reduced) until every row and
        # column holds at most one non-zero entry.  It ends: the first pivot is the gcd
        # of its column, then of its row, so it only shrinks, and once it divides its row
        # and column the same holds for the block below.  (The elimination that stood here
        # before, pivot by pivot without reduction, let the transforms grow to millions of
        # bits on 4 x 6 matrices with 3-digit entries.)
        while True:
            A, U, _ = _hermite(A, n, True, U)                       # T A = H; U <- T U
            if _monomial_matrix(A):
                break
            A, V, _ = _column_hermite(A, n, "smith_normal_form", V)  # A S = H; V <- V S
            if _monomial_matrix(A):
                break
        # the non-zero entries to the diagonal, positive
        cells = [(i, j) for i in range(m) for j in range(n) if A[i][j]]
        rows = [i for i, _ in cells] + [i for i in range(m) if all(i != k for k, _ in cells)]
        cols = [j for _, j in cells] + [j for j in range(n) if all(j != k for _, k in cells)]
        d = [abs(A[i][j]) for i, j in cells]
        U = [U[i] if k >= len(cells) or A[i][cols[k]] > 0 else [-x for x in U[i]]
             for k, i in enumerate(rows)]
        V = [[row[j] for j in cols] for row in V]
        # the divisibility chain: diag(x, y) -> diag(g, xy/g) by unimodular 2 x 2 steps
        for i in range(len(d)):
            for j in range(i + 1, len(d)):
                x, y = d[i], d[j]
                if y % x == 0:
                    continue
                s_, t_, g = (int(v) for v in ZZ.gcdex(x, y))     # s x + t y = g
                U[i], U[j] = ([s_ * p + t_ * q for p, q in zip(U[i], U[j])],
                              [(-y // g) * p + (x // g) * q for p, q in zip(U[i], U[j])])
                for row in V:
                    row[i], row[j] = row[i] + row[j], (-t_ * y // g) * row[i] + (s_ * x // g) * row[j]
                d[i], d[j] = g, x * y // g
        A = [[d[i] if i == j and i < len(d) else 0 for j in range(n)] for i in range(m)]
    check_smith(a, A, U, V)
    return A, U, V


def _monomial_matrix(A) -> bool:
    """Whether every row and every column of ``A`` holds at most one non-zero entry."""
    rows = [sum(1 for x in r if x) for r in A]
    cols = [sum(1 for r in A if r[j]) for j in range(len(A[0]) if A else 0)]
    return all(k <= 1 for k in rows) and all(k <= 1 for k in cols)


def check_smith(a, D, U, V) -> None:
    """Raise ``ArithmeticError`` unless ``D = U a V`` is a valid Smith decomposition.

    Parameters
    ----------
    a : sequence of sequences of int
        The original matrix.
    D : sequence of sequences of int
        The claimed Smith normal form (diagonal, non-negative, divisibility chain).
    U, V : sequence of sequences of int
        The claimed unimodular transforms.

    Raises
    ------
    ArithmeticError
        If ``U a V != D``, ``U`` or ``V`` is not unimodular, ``D`` is not diagonal,
        has a negative entry, or its invariants do not divide each other.

    Examples
    --------
    >>> check_smith([[2]], [[4]], [[1]], [[2]])
    Traceback (most recent call last):
    ...
    ArithmeticError: Smith normal form: V is not unimodular (det 2)
    """
    m = len(a)
    n = len(a[0]) if m else 0
    dets = {}
    if m and n:
        # each matrix converted once: the conversions cost more than the products
        dU, dV = _domain_matrix(U), _domain_matrix(V)
        if dU.matmul(_domain_matrix(a)).matmul(dV) != _domain_matrix(D):
            raise ArithmeticError("Smith normal form: U A V != D")
        dets = {"U": dU, "V": dV}
    for name, M in (("U", U), ("V", V)):
        dm = dets.get(name)
        d = int(dm.det()) if dm is not None and dm.shape[0] == dm.shape[1] else int_det(M)
        if abs(d) != 1:
            raise ArithmeticError(f"Smith normal form: {name} is not unimodular (det {d})")
    diag = []
    for i in range(m):
        for j in range(n):
            if i != j and D[i][j]:
                raise ArithmeticError("Smith normal form: D is not diagonal")
    diag = [D[i][i] for i in range(min(m, n))]
    if any(x < 0 for x in diag):
        raise ArithmeticError("Smith normal form: negative invariant")
    nz = [x for x in diag if x]
    if diag[:len(nz)] != nz or any(b % a_ for a_, b in zip(nz, nz[1:])):
        raise ArithmeticError("Smith normal form: invariants do not form a divisibility chain")


def int_det(m) -> int:
    """Determinant of a square integer matrix (sympy ``DomainMatrix`` over ZZ, exact).

    Parameters
    ----------
    m : sequence of sequences of int
        A square matrix (rows); the empty matrix has determinant 1.

    Returns
    -------
    int
        The determinant.

    Raises
    ------
    ValueError
        If the matrix is not square.
    TypeError
        If an entry is not an integer.

    Examples
    --------
    >>> int_det([[2, 1], [7, 4]])
    1
    >>> int_det([])
    1
    """
    A = _ints(m, "int_det")
    if not A:
        return 1
    if any(len(r) != len(A) for r in A):
        raise ValueError("int_det: the matrix is not square")
    return int(_domain_matrix(A).det())


def rational_rank(rows) -> int:
    """Rank over Q of integer or rational rows (sympy ``DomainMatrix``, exact).

    Parameters
    ----------
    rows : sequence of sequences
        Entries are ints, ``Fraction`` or strings ``fractions.Fraction`` parses.

    Returns
    -------
    int
        The rank (0 for no rows or empty rows).

    Examples
    --------
    >>> rational_rank([[1, 2], [2, 4], [0, 1]])
    2
    >>> rational_rank([["1/2", 1], [1, 2]])
    1
    """
    from fractions import Fraction

    from sympy import QQ
    from sympy.polys.matrices import DomainMatrix

    rows = [list(r) for r in rows]
    if not rows or not rows[0]:
        return 0
    q = []
    for r in rows:
        row = []
        for v in r:
            f = v if isinstance(v, Fraction) else Fraction(str(v)) if isinstance(v, str) else Fraction(v)
            row.append(QQ(f.numerator, f.denominator))
        q.append(row)
    return int(DomainMatrix(q, (len(q), len(q[0])), QQ).rank())


def lll_reduce(basis, delta=(3, 4)):
    """LLL-reduce linearly independent integer vectors (rows).

    sympy's ``DomainMatrix.lll_transform`` does the reduction, always on its
    pure-Python representation: with python-flint sympy would otherwise call flint's
    LLL, which returns a different (equally reduced) basis, and the result must not
    depend on what is installed.  It is accepted only after checking ``T B = R`` and
    ``|det T| = 1``, i.e. that ``R`` is a basis of the same lattice.

    Parameters
    ----------
    basis : sequence of sequences of int
        Linearly independent integer vectors.
    delta : (int, int) or Fraction
        The Lovász parameter, ``1/4 < delta < 1`` (default 3/4).

    Returns
    -------
    list of list of int
        The reduced basis of the same lattice.

    Raises
    ------
    ValueError
        If the vectors are linearly dependent.
    ArithmeticError
        If the transform returned by sympy does not preserve the lattice.

    Examples
    --------
    >>> lll_reduce([[1, 1, 1], [-1, 0, 2], [3, 5, 6]])
    [[0, 1, 0], [1, 0, 1], [-1, 0, 2]]
    """
    from fractions import Fraction

    from sympy import QQ
    from sympy.polys.matrices.exceptions import DMRankError

    B = _ints(basis, "lll_reduce")
    if not B:
        return []
    d = Fraction(*delta) if isinstance(delta, tuple) else Fraction(delta)
    from sympy.polys.matrices import DomainMatrix

    # sympy's Python LLL (DDM), also when sympy runs on flint: flint's LLL returns a
    # different (equally reduced) basis, and results must not depend on the install
    M = DomainMatrix.from_rep(_domain_matrix(B).to_ddm())
    try:
        R, T = M.lll_transform(delta=QQ(d.numerator, d.denominator))
    except DMRankError as exc:
        raise ValueError("lll_reduce: the vectors are linearly dependent") from exc
    if T.matmul(M) != R or abs(int(T.det())) != 1:
        raise ArithmeticError("lll_reduce: the LLL transform does not preserve the lattice")
    return [[int(x) for x in r] for r in R.to_list()]
