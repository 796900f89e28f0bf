"""Evaluation: the paper's metrics (§4.1), its Cafca / Ava-256 protocol (suppl. C) and our
in-house procedural benchmark.

- :mod:`facelift.eval.metrics`: PSNR, SSIM, masked variants, silhouette IoU (pure torch, CPU).
- :mod:`facelift.eval.perceptual`: LPIPS-AlexNet and DreamSim (both our code, no torchvision;
  reference weights from disk; DreamSim's from ``$FACELIFT_WEIGHTS/dreamsim``, implemented in
  :mod:`facelift.eval.dreamsim` and tested only on tiny checkpoints built by the tests).
- :mod:`facelift.eval.identity`: ArcFace cosine distance (ONNX) and an offline dlib distance.
- :mod:`facelift.eval.report`: metric suites, folder evaluation, markdown/CSV tables.
- :mod:`facelift.eval.datasets`: Cafca and Ava-256 adapters, camera transfer (suppl. C.1).
- :mod:`facelift.eval.protocol`: the benchmarks, with the paper's Table 1 / 2 numbers.
- :mod:`facelift.eval.mvdiff`: Stage I's held-out views against the copy-the-input baseline.
- :mod:`facelift.eval.lrm`: a reconstructor's held-out score and the no-learning baseline it must beat.

Any method can be benchmarked by passing its reconstruction function::

    from facelift.eval.datasets import read_view_list
    from facelift.eval.protocol import run_benchmark
    from facelift.eval.report import build_suite

    def reconstruct(image):          # (H, W, 3) float in [0, 1] -> facelift.gaussians.Gaussians
        return my_method(image)

    result = run_benchmark("cafca", "/data/cafca", read_view_list("cafca"), reconstruct,
                           build_suite(), "out/cafca_aligned", aligned=True)
    print(result.comparison)         # the paper's Table 1 with our row appended

The procedural benchmark takes ``generate_views(image) -> (6, H, W, 3)`` and
``reconstruct_views(views, cameras) -> Gaussians`` the same way
(:func:`facelift.eval.protocol.run_procedural`).
"""

from facelift.eval.metrics import masked_psnr, masked_ssim, psnr, silhouette_iou, ssim

__all__ = ["psnr", "ssim", "masked_psnr", "masked_ssim", "silhouette_iou"]
