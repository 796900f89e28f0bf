"""Stage II: the GS-LRM reconstructor (posed views → 3D Gaussians), SPEC §2.3.

>>> from facelift.lrm import GSLRM, LRM_PRESETS           # doctest: +SKIP
>>> model = GSLRM(LRM_PRESETS.get_preset("tiny").model)   # doctest: +SKIP
>>> gaussians = model.reconstruct(images, cameras)        # (V, 3, H, W) + V cameras

* :mod:`facelift.lrm.config`: :class:`LRMConfig`, presets ``paper`` / ``tiny``, export defaults.
* :mod:`facelift.lrm.model`: :class:`GSLRM`, :class:`LRMOutput`.
* :mod:`facelift.lrm.prune`: pruning a reconstruction for export (release defaults).
* :mod:`facelift.lrm.convert`: the public release's checkpoint → our safetensors layout.
"""

from facelift.lrm.config import LRM_PRESETS, ExportConfig, LossConfig, LRMConfig, LRMTrainConfig
from facelift.lrm.prune import export_filter, export_mask
from facelift.lrm.model import GSLRM, LRMOutput, read_model_config

__all__ = [
    "GSLRM", "LRMOutput", "LRMConfig", "LRMTrainConfig", "LossConfig", "ExportConfig", "LRM_PRESETS",
    "export_filter", "export_mask", "read_model_config",
]
