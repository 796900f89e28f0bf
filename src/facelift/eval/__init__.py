"""Evaluation: the paper's metrics (§4.1), its Cafca / Ava-256 protocol (suppl. C) and our
in-house procedural benchmark.

- :mod:`facelift.eval.metrics`: PSNR, SSIM, masked variants, silhouette IoU (pure torch, CPU).
- :mod:`facelift.eval.perceptual`: LPIPS-AlexNet (our code, reference weights from disk), DreamSim.
- :mod:`facelift.eval.identity`: ArcFace cosine distance (ONNX) and an offline dlib distance.
- :mod:`facelift.eval.report`: metric suites, folder evaluation, markdown/CSV tables.
- :mod:`facelift.eval.datasets`: Cafca and Ava-256 adapters, camera transfer (suppl. C.1).
- :mod:`facelift.eval.protocol`: the benchmarks, with the paper's Table 1 / 2 numbers.
"""

from facelift.eval.metrics import masked_psnr, masked_ssim, psnr, silhouette_iou, ssim

__all__ = ["psnr", "ssim", "masked_psnr", "masked_ssim", "silhouette_iou"]
