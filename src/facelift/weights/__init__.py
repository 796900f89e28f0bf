"""Weights: where they are, what their ``facelift.json`` says, and their files on disk.

The package also holds the bundled weights as data (``tiny/``). Its modules sit in two layers
(README, *Architecture*): :mod:`~facelift.weights.store` (safetensors I/O),
:mod:`~facelift.weights.meta` (``facelift.json``) and :mod:`~facelift.weights.locate` (bundled
names, local folders, the local hub cache, training runs) import no model, so the models use
them; :mod:`~facelift.weights.folder` (``--weights`` names, including the authors' release),
:mod:`~facelift.weights.release` (its download), :mod:`~facelift.weights.convert` (its
conversion) and :mod:`~facelift.weights.export` (training runs -> a weights folder) build on
the models. Nothing is imported here, so ``import facelift.weights.locate`` stays light.
"""
