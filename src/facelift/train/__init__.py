"""Training: shared utilities (:mod:`facelift.train.harness`) and one trainer per stage.

Every trainer runs on Hugging Face Accelerate, so the same code trains on one CPU core,
on one GPU, and on many GPUs or nodes under ``accelerate launch`` / ``torchrun``.
"""
