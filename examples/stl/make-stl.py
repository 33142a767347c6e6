#!/usr/bin/env python3
"""Writes l-prism.stl: the L-shaped prism ([0,2]^2 without [1,2]^2) x [0,1] as a closed ASCII STL
surface of 20 triangles, wound counter-clockwise seen from outside. Run: python3 make-stl.py"""

L = [(0, 0), (2, 0), (2, 1), (1, 1), (1, 2), (0, 2)]  # counter-clockwise seen from +z
REFLEX = 3  # the vertex (1, 1) sees every other vertex: a fan from it triangulates the L


def facet(out, a, b, c):
    out.append("  facet normal 0 0 0\n    outer loop\n")
    for p in (a, b, c):
        out.append("      vertex %g %g %g\n" % p)
    out.append("    endloop\n  endfacet\n")


def main():
    out = ["solid l-prism\n"]
    n = len(L)
    r = L[REFLEX]
    for k in range(1, n - 1):
        p = L[(REFLEX + k) % n]
        q = L[(REFLEX + k + 1) % n]
        facet(out, (r[0], r[1], 1), (p[0], p[1], 1), (q[0], q[1], 1))  # top, seen from +z: counter-clockwise
        facet(out, (r[0], r[1], 0), (q[0], q[1], 0), (p[0], p[1], 0))  # bottom, reversed
    for i in range(n):
        a = L[i]
        b = L[(i + 1) % n]
        # the wall under edge a -> b: outward is to the right of the edge seen from above
        facet(out, (a[0], a[1], 0), (b[0], b[1], 0), (b[0], b[1], 1))
        facet(out, (a[0], a[1], 0), (b[0], b[1], 1), (a[0], a[1], 1))
    out.append("endsolid l-prism\n")
    with open("l-prism.stl", "w") as f:
        f.write("".join(out))


if __name__ == "__main__":
    main()
