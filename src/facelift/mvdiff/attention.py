"""Multi-view attention as diffusers attention processors (SPEC §2.2).

The 6 views of a head run through the UNet as a batch of 6 (batch = B·V, views of one
sample consecutive). The processor replaces the self-attention (``attn1``) of every
transformer block and reuses its weights (to_q / to_k / to_v / to_out): only the set of
keys and values each query sees changes.

* ``sparse`` (the release's behaviour): view v attends to the reference (front) view's
  tokens and its own, keys [front; own]. For the front view itself the keys are the
  front tokens twice, which gives exactly plain self-attention (softmax over duplicated
  keys assigns each copy half the weight of the single key).
* ``dense``: every view attends to the tokens of all V views of its sample.
* ``num_views == 1``: plain self-attention, identical to diffusers' ``AttnProcessor2_0``.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from diffusers.models.attention_processor import Attention, AttnProcessor2_0
from torch import Tensor

from facelift.errors import FaceliftError

MODES = ("sparse", "dense")


class MultiViewAttnProcessor:
    """Self-attention across the views of each sample, using ``scaled_dot_product_attention``.

    Args:
        num_views: V, the number of consecutive batch entries that form one sample.
        mode: ``"sparse"`` (front + own view) or ``"dense"`` (all views).
        reference_view: index of the view every view attends to in sparse mode (0, front).
    """

    def __init__(self, num_views: int = 6, mode: str = "sparse", reference_view: int = 0):
        if mode not in MODES:
            raise FaceliftError(f"multi-view attention mode must be one of {MODES}, got {mode!r}")
        if num_views < 1 or not 0 <= reference_view < num_views:
            raise FaceliftError(f"bad multi-view setting: num_views={num_views}, reference_view={reference_view}")
        self.num_views = num_views
        self.mode = mode
        self.reference_view = reference_view

    def _gather_views(self, x: Tensor) -> Tensor:
        """(B·V, N, C) per-view tokens -> (B·V, M, C) tokens each view attends to."""
        V = self.num_views
        if V == 1:
            return x
        BV, N, C = x.shape
        if BV % V:
            raise FaceliftError(f"multi-view attention: batch {BV} is not a multiple of num_views={V}")
        x = x.view(BV // V, V, N, C)
        if self.mode == "sparse":
            ref = x[:, self.reference_view : self.reference_view + 1].expand(-1, V, -1, -1)
            return torch.cat([ref, x], dim=2).reshape(BV, 2 * N, C)
        return x.reshape(BV // V, 1, V * N, C).expand(-1, V, -1, -1).reshape(BV, V * N, C)

    def __call__(
        self,
        attn: Attention,
        hidden_states: Tensor,
        encoder_hidden_states: Tensor | None = None,
        attention_mask: Tensor | None = None,
        temb: Tensor | None = None,
        *args,
        **kwargs,
    ) -> Tensor:
        if encoder_hidden_states is not None:
            raise FaceliftError("MultiViewAttnProcessor is for self-attention (attn1) layers only")
        if attention_mask is not None and self.num_views > 1:
            raise FaceliftError("multi-view attention does not support attention masks")
        residual = hidden_states
        if attn.spatial_norm is not None:
            hidden_states = attn.spatial_norm(hidden_states, temb)
        input_ndim = hidden_states.ndim
        if input_ndim == 4:
            batch, channel, height, width = hidden_states.shape
            hidden_states = hidden_states.view(batch, channel, height * width).transpose(1, 2)
        batch = hidden_states.shape[0]
        if attention_mask is not None:
            attention_mask = attn.prepare_attention_mask(attention_mask, hidden_states.shape[1], batch)
            attention_mask = attention_mask.view(batch, attn.heads, -1, attention_mask.shape[-1])
        if attn.group_norm is not None:
            hidden_states = attn.group_norm(hidden_states.transpose(1, 2)).transpose(1, 2)

        query = attn.to_q(hidden_states)
        key = self._gather_views(attn.to_k(hidden_states))
        value = self._gather_views(attn.to_v(hidden_states))

        head_dim = key.shape[-1] // attn.heads
        query = query.view(batch, -1, attn.heads, head_dim).transpose(1, 2)
        key = key.view(batch, -1, attn.heads, head_dim).transpose(1, 2)
        value = value.view(batch, -1, attn.heads, head_dim).transpose(1, 2)
        if attn.norm_q is not None:
            query = attn.norm_q(query)
        if attn.norm_k is not None:
            key = attn.norm_k(key)

        hidden_states = F.scaled_dot_product_attention(
            query, key, value, attn_mask=attention_mask, dropout_p=0.0, is_causal=False, scale=attn.scale
        )
        hidden_states = hidden_states.transpose(1, 2).reshape(batch, -1, attn.heads * head_dim).to(query.dtype)
        hidden_states = attn.to_out[0](hidden_states)
        hidden_states = attn.to_out[1](hidden_states)
        if input_ndim == 4:
            hidden_states = hidden_states.transpose(-1, -2).reshape(batch, channel, height, width)
        if attn.residual_connection:
            hidden_states = hidden_states + residual
        return hidden_states / attn.rescale_output_factor


def install_multiview_attention(unet: torch.nn.Module, num_views: int = 6, mode: str = "sparse") -> None:
    """Put :class:`MultiViewAttnProcessor` on every self-attention layer of ``unet``.

    Cross-attention layers (``attn2``) get diffusers' SDPA processor. Safe to call again
    to change ``num_views`` or ``mode``; no weights are added or changed.
    """
    processors = {}
    for name in unet.attn_processors:
        if name.endswith("attn1.processor"):
            processors[name] = MultiViewAttnProcessor(num_views=num_views, mode=mode)
        else:
            processors[name] = AttnProcessor2_0()
    unet.set_attn_processor(processors)


def multiview_setting(unet: torch.nn.Module) -> tuple[int, str] | None:
    """(num_views, mode) of the multi-view processors installed on ``unet``, or None."""
    for proc in unet.attn_processors.values():
        if isinstance(proc, MultiViewAttnProcessor):
            return proc.num_views, proc.mode
    return None
