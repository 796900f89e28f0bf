"""Dense pure-PyTorch reference rasterizer: every Gaussian against every pixel (tests only).

Same maths as SPEC §2.4 and ``facelift.render``, written independently and as plainly as
possible, in any dtype (the tests use float64), differentiated by autograd. O(N·H·W)
memory: small scenes only.
"""

from __future__ import annotations

import torch
from torch import Tensor


def _quat_to_rot(q: Tensor) -> Tensor:
    q = q / q.norm(dim=-1, keepdim=True)
    w, x, y, z = q[:, 0], q[:, 1], q[:, 2], q[:, 3]
    rows = [
        [1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y)],
        [2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x)],
        [2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)],
    ]
    return torch.stack([torch.stack(r, dim=-1) for r in rows], dim=-2)


def reference_rasterize(means: Tensor, scales: Tensor, rotations: Tensor, opacities: Tensor, colors: Tensor,
                        w2c: Tensor, K: Tensor, width: int, height: int, background: Tensor,
                        near: float = 0.01, pixels: tuple[int, int] | None = None,
                        ) -> tuple[Tensor, Tensor, Tensor]:
    """Returns rgb (H, W, 3), alpha (H, W), depth (H, W) in the dtype of ``means``.

    ``pixels=(p0, p1)`` renders only the row-major pixel indices p0..p1-1 and returns
    flat (P, 3), (P,), (P,) tensors (the benchmark renders big images in such chunks).
    """
    dt = means.dtype
    w2c = w2c.to(dt)
    K = K.to(dt)
    background = background.to(dt)
    W = w2c[:3, :3]
    cam = means @ W.T + w2c[:3, 3]
    x, y, z = cam[:, 0], cam[:, 1], cam[:, 2]
    fx, fy, cx, cy = K[0, 0], K[1, 1], K[0, 2], K[1, 2]
    u = fx * x / z + cx
    v = fy * y / z + cy

    # Jacobian at the centre clamped to 1.3x the field of view.
    lim_xp = (width - cx) / fx + 0.3 * (0.5 * width / fx)
    lim_xn = cx / fx + 0.3 * (0.5 * width / fx)
    lim_yp = (height - cy) / fy + 0.3 * (0.5 * height / fy)
    lim_yn = cy / fy + 0.3 * (0.5 * height / fy)
    xc = torch.clamp(x / z, min=-lim_xn, max=lim_xp) * z
    yc = torch.clamp(y / z, min=-lim_yn, max=lim_yp) * z
    J = torch.zeros(means.shape[0], 2, 3, dtype=dt)
    J[:, 0, 0] = fx / z
    J[:, 0, 2] = -fx * xc / z**2
    J[:, 1, 1] = fy / z
    J[:, 1, 2] = -fy * yc / z**2

    R = _quat_to_rot(rotations)
    S = torch.diag_embed(scales)
    sigma = R @ S @ S.transpose(1, 2) @ R.transpose(1, 2)
    cov2 = J @ W @ sigma @ W.T @ J.transpose(1, 2) + 0.3 * torch.eye(2, dtype=dt)
    inv = torch.linalg.inv(cov2)

    p0, p1 = (0, width * height) if pixels is None else pixels
    flat = torch.arange(p0, p1)
    pix = torch.stack([flat % width, flat // width], dim=-1).to(dt) + 0.5  # (P, 2) x, y
    d = pix[None, :, :] - torch.stack([u, v], dim=-1)[:, None, :]  # (N, P, 2)
    power = -0.5 * torch.einsum("npi,nij,npj->np", d, inv, d)
    alpha = torch.clamp(opacities[:, None] * torch.exp(power), max=0.99)

    valid = (z > near)[:, None] & (alpha >= 1.0 / 255.0) & (power <= 0)
    alpha = torch.where(valid, alpha, torch.zeros_like(alpha))
    order = torch.argsort(z.detach(), stable=True)
    alpha = alpha[order]
    # A pixel stops before the Gaussian that would take its transmittance below 1e-4; the
    # running product only falls, so "inclusive product >= 1e-4" marks the composited ones.
    inclusive = torch.cumprod(1 - alpha, dim=0)
    alpha = torch.where(inclusive.detach() >= 1e-4, alpha, torch.zeros_like(alpha))
    trans = torch.cumprod(torch.cat([torch.ones_like(alpha[:1]), 1 - alpha[:-1]], dim=0), dim=0)
    weights = alpha * trans  # (N, P)
    acc = weights.sum(0)
    rgb = weights.T @ colors[order].to(dt) + (1 - acc)[:, None] * background
    depth_sum = weights.T @ z[order]
    depth = torch.where(acc > 0, depth_sum / torch.where(acc > 0, acc, torch.ones_like(acc)), torch.zeros_like(acc))
    if pixels is not None:
        return rgb, acc, depth
    return rgb.reshape(height, width, 3), acc.reshape(height, width), depth.reshape(height, width)
