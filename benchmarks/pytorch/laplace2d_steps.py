#!/usr/bin/python3
"""The PyTorch peer of Geopinn's step benchmarks: 2-D Laplace, MLP [2,64,64,64,1] tanh, float64
(P = 8577), 900 interior points (30x30 grid strictly inside) and 120 boundary points (30 per side),
the same set-up as benchmarks/.../KernelsStepTiming.java and docs/PERFORMANCE-CORE.md.

  * Adam step: loss with the Laplacian by double backward, gradient, update.
  * ANaGRAM step through eigh of J J^T: Jacobian of the residuals (functorch: vmap over the points of
    jacrev of the Hessian trace), Gram matrix, torch.linalg.eigh, truncated pseudo-inverse direction at a relative
    cut-off, and the 31-point grid line search eta = 2^-k, k = 0..30 (as the reference code), each
    loss by double backward over the batch of points.

Prints wall and process-CPU time per part, minimum and median over the repeats.
Run with OPENBLAS_NUM_THREADS=2 (benchmarks/pytorch/side-by-side.sh does).
"""
import math
import os
import statistics
import sys
import time

import torch
import functorch

torch.set_default_dtype(torch.float64)
# two cores: PyTorch's own threads as OpenBLAS's (OPENBLAS_NUM_THREADS=2); Debian's build starts with one
torch.set_num_threads(int(os.environ.get("TORCH_NUM_THREADS", "2")))
REPEATS = int(sys.argv[1]) if len(sys.argv) > 1 else 5
CUTOFF = 1e-6  # relative to sigma_max (ANaGRAM's relative cut-off)
WIDTHS = [2, 64, 64, 64, 1]


def grid_points():
    side = 30
    interior = torch.tensor([[(i + 1.0) / (side + 1), (j + 1.0) / (side + 1)] for i in range(side) for j in range(side)])
    boundary = []
    for k in range(side):
        s = k / side
        boundary += [[s, 0.0], [1.0, s], [1.0 - s, 1.0], [0.0, 1.0 - s]]
    return interior, torch.tensor(boundary)


def init_theta(seed=0):
    g = torch.Generator().manual_seed(seed)
    parts = []
    for a, b in zip(WIDTHS[:-1], WIDTHS[1:]):
        bound = math.sqrt(6.0 / (a + b))  # Xavier uniform, as Geopinn's default
        parts.append((torch.rand(b, a, generator=g) * 2 - 1) * bound)
        parts.append(torch.zeros(b))
    return torch.cat([p.reshape(-1) for p in parts])


def unflatten(theta):
    out, i = [], 0
    for a, b in zip(WIDTHS[:-1], WIDTHS[1:]):
        w = theta[i:i + a * b].reshape(b, a)
        i += a * b
        out.append((w, theta[i:i + b]))
        i += b
    return out


def u_point(theta, x):
    h = x
    layers = unflatten(theta)
    for w, b in layers[:-1]:
        h = torch.tanh(w @ h + b)
    w, b = layers[-1]
    return (w @ h + b)[0]


def laplacian_point(theta, x):
    return torch.trace(functorch.hessian(u_point, argnums=1)(theta, x))


INTERIOR, BOUNDARY = grid_points()
F = -2 * math.pi ** 2 * torch.sin(math.pi * INTERIOR[:, 0]) * torch.sin(math.pi * INTERIOR[:, 1])


def residuals(theta):
    r_int = functorch.vmap(laplacian_point, in_dims=(None, 0))(theta, INTERIOR) - F
    r_bnd = functorch.vmap(u_point, in_dims=(None, 0))(theta, BOUNDARY)
    return torch.cat([r_int, r_bnd])


def jacobian(theta):
    """Per-point gradients of the residuals (vmap of jacrev), S x P."""
    j_int = functorch.vmap(functorch.jacrev(laplacian_point, argnums=0), in_dims=(None, 0))(theta, INTERIOR)
    j_bnd = functorch.vmap(functorch.jacrev(u_point, argnums=0), in_dims=(None, 0))(theta, BOUNDARY)
    return torch.cat([j_int, j_bnd])


def loss_of(theta):
    r = residuals(theta)
    return 0.5 * torch.dot(r, r)


def timed(fn):
    c0, t0 = time.process_time(), time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0, time.process_time() - c0


def anagram_step(theta):
    parts = {}
    with torch.no_grad():
        r = residuals(theta)
    (j, w, c) = timed(lambda: jacobian(theta))
    parts["jacobian"] = (w, c)
    (k, w, c) = timed(lambda: j @ j.T)
    parts["gram"] = (w, c)
    ((lam, vec), w, c) = timed(lambda: torch.linalg.eigh(k))
    parts["eigh"] = (w, c)

    def direction():
        lam_desc = lam.flip(0)
        u = vec.flip(1)
        keep = lam_desc > (CUTOFF ** 2) * lam_desc[0]
        uk = u[:, keep]
        return j.T @ (uk @ ((uk.T @ r) / lam_desc[keep])), int(keep.sum())

    ((d, rank), w, c) = timed(direction)
    parts["direction"] = (w, c)

    def search():
        best, best_eta = math.inf, None
        for e in range(31):
            eta = 2.0 ** -e
            v = float(batched_loss((theta - eta * d).detach()).detach())
            if math.isfinite(v) and v < best:
                best, best_eta = v, eta
        return best, best_eta

    ((best, eta), w, c) = timed(search)
    parts["line search (31 losses)"] = (w, c)
    return parts, rank, eta, best


def batched_loss(theta):
    """The loss with the Laplacian by double backward over the batch of points (graph kept for a gradient)."""
    x = INTERIOR.clone().requires_grad_(True)
    layers = unflatten(theta)

    def net(z):
        h = z
        for w, b in layers[:-1]:
            h = torch.tanh(h @ w.T + b)
        w, b = layers[-1]
        return (h @ w.T + b)[:, 0]

    u = net(x)
    gu = torch.autograd.grad(u.sum(), x, create_graph=True)[0]
    uxx = torch.autograd.grad(gu[:, 0].sum(), x, create_graph=True)[0][:, 0]
    uyy = torch.autograd.grad(gu[:, 1].sum(), x, create_graph=True)[0][:, 1]
    r_int = uxx + uyy - F
    r_bnd = net(BOUNDARY)
    return 0.5 * (r_int.pow(2).sum() + r_bnd.pow(2).sum())


def adam_step(theta_param, opt):
    loss = batched_loss(theta_param)
    opt.zero_grad()
    loss.backward()
    opt.step()
    return float(loss)


def summary(name, samples):
    walls = [s[0] for s in samples]
    cpus = [s[1] for s in samples]
    print(f"  {name:<34s} wall min {min(walls):7.3f} s  median {statistics.median(walls):7.3f} s   "
          f"cpu min {min(cpus):7.3f} s  median {statistics.median(cpus):7.3f} s")


def main():
    theta0 = init_theta()
    print(f"# PyTorch {torch.__version__}, {torch.get_num_threads()} threads, P = {theta0.numel()}, "
          f"S = {INTERIOR.shape[0] + BOUNDARY.shape[0]}, repeats {REPEATS}")
    print("# BLAS/LAPACK: " + " ".join(line.strip() for line in torch.__config__.show().splitlines() if "BLAS" in line or "LAPACK" in line))
    # Adam: 10 warm-up steps, then REPEATS x 20 steps timed one by one
    theta = theta0.clone().requires_grad_(True)
    opt = torch.optim.Adam([theta], lr=1e-3)
    for _ in range(10):
        adam_step(theta, opt)
    adam = []
    for _ in range(REPEATS * 20):
        _, w, c = timed(lambda: adam_step(theta, opt))
        adam.append((w, c))
    print("adam step")
    summary("full step", adam)
    # ANaGRAM: the first step from the same parameters each repeat (one warm-up)
    table = {}
    steps = []
    detail = ""
    for r in range(-1, REPEATS):
        (result, w, c) = timed(lambda: anagram_step(theta0.clone()))
        parts, rank, eta, best = result
        if r >= 0:
            steps.append((w, c))
            for name, value in parts.items():
                table.setdefault(name, []).append(value)
            detail = f"rank {rank} of {INTERIOR.shape[0] + BOUNDARY.shape[0]}, eta = {eta}, loss {float(loss_of(theta0)):.6e} -> {best:.6e}"
    print(f"anagram step ({detail})")
    summary("full step", steps)
    for name, samples in table.items():
        summary("  " + name, samples)


if __name__ == "__main__":
    main()
