"""EWA projection of 3D Gaussians into one pinhole camera (SPEC §2.4), in PyTorch.

This half of the rasterizer is plain, differentiable tensor code: autograd carries the
image-space gradients from the compositing kernel back to means, scales, rotations,
opacities and colours. Only the per-pixel compositing (the expensive part) is a
hand-written kernel.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import Tensor

from facelift.gaussians import quat_to_matrix

#: Gaussians whose centre is nearer than this (camera-space z, world units) are culled.
NEAR_PLANE = 0.01
#: Added to the diagonal of every 2D covariance, in pixels² (the 3DGS low-pass filter).
LOW_PASS = 0.3
#: Per-pixel alpha is clamped to at most this...
ALPHA_MAX = 0.99
#: ...and a Gaussian whose alpha at a pixel is below this is skipped there.
ALPHA_MIN = 1.0 / 255.0
#: Compositing stops at a pixel once its transmittance would fall below this.
T_MIN = 1e-4
#: The projection Jacobian is evaluated with x/z, y/z clamped to the image's field of view
#: widened by this fraction of its half-width (as in 3DGS and gsplat): a Gaussian far off
#: to the side would otherwise get a huge, unstable footprint.
FOV_CLAMP_MARGIN = 0.3


@dataclass
class Projected:
    """Image-space Gaussians for one camera; every tensor has the N visible ones only.

    Attributes:
        index: (N,) int64 index of each visible Gaussian in the input set.
        means2d: (N, 2) pixel coordinates (x right, y down; pixel centres at +0.5).
        conics: (N, 3) inverse 2D covariance (a, b, c): the quadratic form is
            a·dx² + 2·b·dx·dy + c·dy².
        depths: (N,) camera-space z.
        opacities: (N,) in [0, 1].
        colors: (N, 3).
        boxes: (N, 4) int32 pixel box x0, y0, x1, y1 (inclusive), a superset of the pixels
            where the Gaussian's alpha can reach 1/255, clipped to the image. No gradient.
    """

    index: Tensor
    means2d: Tensor
    conics: Tensor
    depths: Tensor
    opacities: Tensor
    colors: Tensor
    boxes: Tensor


def project(means: Tensor, scales: Tensor, rotations: Tensor, opacities: Tensor, colors: Tensor,
            w2c: Tensor, K: Tensor, width: int, height: int) -> Projected:
    """Project Gaussians into a camera and cull those that cannot touch the image.

    Args:
        means, scales: (N, 3); rotations: (N, 4) wxyz; opacities: (N,); colors: (N, 3).
        w2c: (4, 4) world-to-camera, OpenCV convention. K: (3, 3) intrinsics in pixels.
        width, height: image size in pixels.

    Culled: centre behind the near plane, opacity below 1/255 (it can reach no pixel),
    degenerate 2D covariance, or an alpha >= 1/255 box that misses the image entirely.
    """
    w2c = w2c.to(means)
    K = K.to(means)
    R, t = w2c[:3, :3], w2c[:3, 3]
    fx, fy, cx, cy = K[0, 0], K[1, 1], K[0, 2], K[1, 2]

    # Cheap culls first on detached data, so the differentiable work below only runs on
    # Gaussians that can matter (a 1.5 M head keeps most of them, a turntable side view
    # drops none, but an orbit inside the cloud drops many).
    with torch.no_grad():
        z_all = means @ R[2] + t[2]
        keep = (z_all > NEAR_PLANE) & (opacities >= ALPHA_MIN)
    index = keep.nonzero().squeeze(1)

    p = means[index] @ R.T + t  # (N, 3) camera space
    x, y, z = p.unbind(-1)
    inv_z = 1.0 / z
    u = fx * x * inv_z + cx
    v = fy * y * inv_z + cy

    # Jacobian of the perspective map at the (field-of-view-clamped) centre.
    tan_x = 0.5 * width / fx
    tan_y = 0.5 * height / fy
    lim_x_pos = (width - cx) / fx + FOV_CLAMP_MARGIN * tan_x
    lim_x_neg = cx / fx + FOV_CLAMP_MARGIN * tan_x
    lim_y_pos = (height - cy) / fy + FOV_CLAMP_MARGIN * tan_y
    lim_y_neg = cy / fy + FOV_CLAMP_MARGIN * tan_y
    tx = z * torch.minimum(torch.maximum(x * inv_z, -lim_x_neg), lim_x_pos)
    ty = z * torch.minimum(torch.maximum(y * inv_z, -lim_y_neg), lim_y_pos)
    zeros = torch.zeros_like(z)
    J = torch.stack([
        fx * inv_z, zeros, -fx * tx * inv_z * inv_z,
        zeros, fy * inv_z, -fy * ty * inv_z * inv_z,
    ], dim=-1).reshape(-1, 2, 3)

    # Σ = R S Sᵀ Rᵀ in world space, then W Σ Wᵀ in camera space, then J (.) Jᵀ.
    M = quat_to_matrix(rotations[index]) * scales[index][:, None, :]
    T = (J @ R) @ M  # (N, 2, 3)
    cov = T @ T.transpose(1, 2)
    a = cov[:, 0, 0] + LOW_PASS
    b = cov[:, 0, 1]
    c = cov[:, 1, 1] + LOW_PASS
    det = a * c - b * b

    op = opacities[index]
    with torch.no_grad():
        # alpha = o·exp(-q/2) >= 1/255  <=>  q <= 2 ln(255 o); the ellipse q <= r² spans
        # ±r·sqrt(Σxx) by ±r·sqrt(Σyy). The margin makes the box a strict superset, so
        # the per-pixel alpha test (not the box) decides, exactly as the dense reference.
        r2 = (2.0 * torch.log(op.detach() * 255.0)).clamp_min(0.0) * 1.0001 + 1e-4
        ext_x = torch.sqrt(r2 * a.detach().clamp_min(0.0)) + 1e-3
        ext_y = torch.sqrt(r2 * c.detach().clamp_min(0.0)) + 1e-3
        ud, vd = u.detach(), v.detach()
        # Pixel px is inside when |px + 0.5 - u| <= ext.
        x0 = torch.ceil(ud - ext_x - 0.5)
        x1 = torch.floor(ud + ext_x - 0.5)
        y0 = torch.ceil(vd - ext_y - 0.5)
        y1 = torch.floor(vd + ext_y - 0.5)
        ok = (det > 0) & torch.isfinite(x0) & torch.isfinite(y0) & torch.isfinite(x1) & torch.isfinite(y1)
        ok &= (x1 >= 0) & (y1 >= 0) & (x0 <= width - 1) & (y0 <= height - 1)
        sel = ok.nonzero().squeeze(1)
        boxes = torch.stack([
            x0[sel].clamp(0, width - 1), y0[sel].clamp(0, height - 1),
            x1[sel].clamp(0, width - 1), y1[sel].clamp(0, height - 1),
        ], dim=-1).to(torch.int32)

    a, b, c, det = a[sel], b[sel], c[sel], det[sel]
    conics = torch.stack([c / det, -b / det, a / det], dim=-1)
    return Projected(
        index=index[sel],
        means2d=torch.stack([u[sel], v[sel]], dim=-1),
        conics=conics,
        depths=z[sel],
        opacities=op[sel],
        colors=colors[index[sel]],
        boxes=boxes,
    )

