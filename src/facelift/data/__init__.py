"""Synthetic multi-view head data (paper §3.1, SPEC §4).

* :mod:`facelift.data.procedural` — random 3D heads built from parts as Gaussians, no
  assets needed; reproducible from (identity_seed, appearance_seed).
* :mod:`facelift.data.layout` — the one on-disk layout of every multi-view dataset.
* :mod:`facelift.data.synth` — ``facelift data synth``: render procedural heads into it.
* :mod:`facelift.data.loaders` — torch datasets for Stage I and Stage II.
* :mod:`facelift.data.matting` — Stage I inputs cut out with an imperfect matte, as a real
  photo's background removal leaves them (training augmentation, ``eval mvdiff --matted``).
* :mod:`facelift.data.blender` — ``facelift data render-assets``: the paper's Blender +
  Cycles pipeline for user-owned head assets (optional extra ``facelift[blender]``).
* :mod:`facelift.data.inputs` — a user's asset and environment-map files, found in a folder.

Commands::

    facelift data synth -o data/tiny --preset tiny --workers 2          # 1000 subjects, 64²
    facelift data synth -o data/heads --identities 200 --appearances 50  # the paper's scale, 512²
    facelift data render-assets --assets my_heads/ --hdri hdris/ -o data/assets
    facelift data head -o head.ply --identity 5 --appearance 2

In Python::

    from facelift.data.loaders import StageIDataset, SubjectFolders
    stage1 = StageIDataset("data/tiny", split="train")           # input + 6 views + cameras
    stage2 = SubjectFolders("data/tiny", 32, split="train")      # .views(i): facelift.views.Views
"""
