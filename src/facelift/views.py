"""Posed views, the data that crosses from Stage I to Stage II and feeds training and evaluation,
and the one alpha-compositing rule.

:class:`Views` holds V images of one subject with their alpha masks and cameras; shapes:

- ``images``: (V, 3, H, W) RGB float in [0, 1], already composited over the background;
- ``alphas``: (V, 1, H, W) foreground masks in [0, 1] (ones when the source has no alpha);
- ``cameras``: a batch of V OpenCV cameras (:class:`facelift.cameras.Camera`) for H×W.

:func:`composite` puts colour over a background with an alpha: ``rgb·α + bg·(1 − α)``, or
``rgb + bg·(1 − α)`` for premultiplied colour (a rasterizer's accumulated features, resized
premultiplied images). It is plain arithmetic, so it takes torch tensors and numpy arrays alike,
in whatever layout the caller keeps, as long as ``alpha`` and ``background`` broadcast.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import torch
from torch import Tensor

from facelift.cameras import Camera


def resize_images(images: Tensor, size: int) -> Tensor:
    """(V, C, H, W) images resampled to size² (bilinear with antialiasing: area-like when
    shrinking), as Stage II's inputs are resized to its model's resolution."""
    if images.shape[-2:] == (size, size):
        return images
    return torch.nn.functional.interpolate(images, size=(size, size), mode="bilinear", antialias=True,
                                           align_corners=False)


def composite(rgb, alpha, background=1.0, premultiplied: bool = False):
    """``rgb`` over ``background`` with ``alpha``: ``rgb·α + bg·(1 − α)`` (``premultiplied``:
    ``rgb + bg·(1 − α)``). Same type and broadcasting as the inputs; nothing is clamped."""
    return (rgb if premultiplied else rgb * alpha) + background * (1.0 - alpha)


@dataclass
class Views:
    """Posed views of one subject (shapes in the module docstring)."""

    images: Tensor
    alphas: Tensor
    cameras: Camera

    def __len__(self) -> int:
        return self.images.shape[0]

    def select(self, index: Sequence[int] | Tensor) -> "Views":
        idx = torch.as_tensor(index, dtype=torch.long)
        return Views(self.images[idx], self.alphas[idx], self.cameras[idx])

    def resized(self, size: int) -> "Views":
        """The same views resampled to size² (:func:`resize_images`), intrinsics rescaled."""
        return Views(resize_images(self.images, size), resize_images(self.alphas, size), self.cameras.resized(size))


__all__ = ["Views", "composite", "resize_images"]
