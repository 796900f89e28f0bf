"""Stage I inputs with an imperfect matte (facelift.data.matting)."""

from __future__ import annotations

import pytest
import torch

from facelift.data.matting import MatteErrors, matted_inputs, perturbed_alpha, scene_backgrounds
from facelift.train.mvdiff import composite, make_batch


def disc_heads(n: int = 16, size: int = 32, radius: float = 9.0) -> tuple[torch.Tensor, torch.Tensor]:
    """(n, 4, size, size) premultiplied RGBA discs of random colours, and the distance map."""
    ys, xs = torch.meshgrid(torch.arange(size).float(), torch.arange(size).float(), indexing="ij")
    dist = ((xs - size / 2 + 0.5) ** 2 + (ys - size / 2 + 0.5) ** 2).sqrt()
    alpha = (radius + 0.5 - dist).clamp(0, 1)
    colour = torch.rand(n, 3, 1, 1, generator=torch.Generator().manual_seed(3)) * 0.5
    return torch.cat([colour * alpha, alpha.expand(n, 1, size, size)], dim=1), dist


def test_share_zero_is_the_exact_composite_and_draws_nothing():
    rgba, _ = disc_heads()
    bg = torch.ones(len(rgba), 3)
    g = torch.Generator().manual_seed(0)
    state = g.get_state()
    assert torch.equal(matted_inputs(rgba, bg, 0.0, g), composite(rgba, bg))
    assert torch.equal(g.get_state(), state)


def test_a_matte_keeps_the_inside_and_the_far_outside_and_lets_the_scene_in_at_the_outline():
    rgba, dist = disc_heads(size=40)
    bg = torch.ones(len(rgba), 3)
    out = matted_inputs(rgba, bg, 1.0, torch.Generator().manual_seed(1))
    exact = composite(rgba, bg)
    assert out.shape == exact.shape and out.min() >= 0 and out.max() <= 1
    # The disc's edge ramp spans 9-10 px from the centre; the outline moves at most 1.5 px per
    # axis (2.1 px diagonally), resampling reads 1 px around, blurs reach 2 px: well inside
    # and far outside are untouched.
    inside, outside = dist < 9 - 5.2, dist > 10 + 5.2
    assert torch.allclose(out[..., inside], exact[..., inside], atol=1e-3)
    assert torch.equal(out[..., outside], exact[..., outside])
    band = ~inside & ~outside
    changed = (out - exact).abs().amax(dim=1)[:, band] > 0.02
    assert changed.any(dim=1).all()  # every head's outline changed
    # Where the true alpha is 0 but the output is not the background, the scene came in.
    empty = rgba[:, 3] == 0
    assert ((out - bg.view(-1, 3, 1, 1)).abs().amax(dim=1)[empty] > 0.02).any()
    # Same generator seed, same result.
    assert torch.equal(out, matted_inputs(rgba, bg, 1.0, torch.Generator().manual_seed(1)))


def test_a_share_of_the_inputs_is_matted():
    rgba, _ = disc_heads(n=200)
    bg = torch.zeros(len(rgba), 3)
    out = matted_inputs(rgba, bg, 0.3, torch.Generator().manual_seed(2))
    changed = (out - composite(rgba, bg)).flatten(1).abs().amax(dim=1) > 0
    assert 40 <= int(changed.sum()) <= 80


def test_without_errors_the_matte_is_the_true_alpha_and_each_error_moves_it():
    rgba, _ = disc_heads(n=4)
    alpha = rgba[:, 3:]
    g = lambda: torch.Generator().manual_seed(5)  # noqa: E731
    assert torch.allclose(perturbed_alpha(alpha, MatteErrors(shift=0, blur=0, gamma=0), g()), alpha, atol=1e-5)
    for errors in (MatteErrors(shift=1.5, blur=0, gamma=0), MatteErrors(shift=0, blur=2, gamma=0),
                   MatteErrors(shift=0, blur=0, gamma=0.7)):
        matte = perturbed_alpha(alpha, errors, g())
        assert matte.shape == alpha.shape and 0 <= matte.min() and matte.max() <= 1
        assert (matte - alpha).abs().max() > 0.05, errors
    # The widest error at 1.5 px never moves the outline more than that.
    moved = perturbed_alpha(alpha, MatteErrors(shift=1.5, blur=0, gamma=0), g())
    assert torch.equal(moved[..., 4:-4, :4], alpha[..., 4:-4, :4])


def test_scenes_are_smooth_colour_fields():
    scenes = scene_backgrounds(3, 32, torch.Generator().manual_seed(0))
    assert scenes.shape == (3, 3, 32, 32) and 0 <= scenes.min() and scenes.max() <= 1
    assert scenes.diff(dim=-1).abs().max() < 0.3  # no edges: at most 5 cells over 32 pixels


def test_rgb_inputs_are_refused():
    with pytest.raises(ValueError, match="RGBA"):
        matted_inputs(torch.rand(2, 3, 8, 8), torch.ones(2, 3), 1.0, torch.Generator())


def test_make_batch_mattes_only_the_inputs():
    rgba, _ = disc_heads(n=4)
    data = [{"input": rgba[i], "views": rgba[i:i + 1].expand(6, 4, 32, 32)} for i in range(4)]
    plain = make_batch(data, 4, step=0, rank=0, world=1, seed=0)
    matted = make_batch(data, 4, step=0, rank=0, world=1, seed=0, matte_share=1.0)
    assert torch.equal(plain.views, matted.views)
    assert not torch.equal(plain.cond, matted.cond)
    assert torch.equal(plain.cond, make_batch(data, 4, step=0, rank=0, world=1, seed=0, matte_share=0.0).cond)
