"""Benchmark protocol: view lists, Cafca / Ava-256 adapters on tiny fake datasets written here in
the published layouts, camera transfer (suppl. C.1), the benchmark report and the procedural
benchmark, with injected reconstruction and render functions."""

import csv
import json
import math
import zipfile

import numpy as np
import pytest
import torch
from PIL import Image

from facelift.cameras import RADIUS, Camera, facelift_cameras, orbit_camera, turntable_cameras, write_transforms
from facelift.errors import FaceliftError
from facelift.eval import datasets as D
from facelift.eval import protocol as P
from facelift.eval.report import MetricSuite


def _rotation(seed):
    q, _ = torch.linalg.qr(torch.randn(3, 3, generator=torch.Generator().manual_seed(seed), dtype=torch.float64))
    return q * torch.sign(torch.det(q))


def _to_dataset_world(c2w, Q, scale, shift):
    """Our rig seen in another world: x_d = scale·Q·x + shift (camera axes rotate with it)."""
    out = c2w.double().clone()
    out[..., :3, :3] = Q @ out[..., :3, :3]
    out[..., :3, 3] = scale * out[..., :3, 3] @ Q.T + shift
    return out


def test_paper_view_lists_ship_with_the_package():
    rows = D.read_view_list("cafca")
    assert len(rows) == 40
    assert rows[0] == D.SubjectViews("00000", "C26", tuple(f"C{i:02d}" for i in (0, 2, 6, 8, 10, 11, 12, 13, 17, 19, 20, 23, 24, 26)))
    assert rows[-1].subject == "00099" and rows[-1].input_view == "C00"
    assert all(7 <= len(r.test_views) <= 19 for r in rows)  # "7 to 19 test views" (§4.2)
    assert D.read_view_list("ava256") == []  # Table 4's body is not in our copy of the paper


def test_camera_transfer_recovers_our_rig_from_a_rotated_scaled_shifted_copy():
    ours = facelift_cameras(64).c2w
    Q, scale, shift = _rotation(0), 370.0, torch.tensor([10.0, -4.0, 250.0], dtype=torch.float64)
    data = _to_dataset_world(ours, Q, scale, shift)
    back = D.transfer_cameras(data[0], data, orbit_camera(0.0), center=shift)
    assert torch.allclose(back, ours, atol=1e-4)
    assert torch.allclose(back[:, :3, 3].norm(dim=-1), torch.full((6,), RADIUS), atol=1e-5)


def test_camera_transfer_keeps_relative_rotation_to_the_input_camera():
    data = torch.stack([_to_dataset_world(orbit_camera(az, el).c2w, _rotation(3), 2.0, torch.zeros(3, dtype=torch.float64))
                        for az, el in ((10, 5), (70, -20), (200, 30))])
    out = D.transfer_cameras(data[0], data, orbit_camera(0.0)).double()
    rel_data = data[0, :3, :3].T @ data[:, :3, :3]
    rel_ours = out[0, :3, :3].T @ out[:, :3, :3]
    assert torch.allclose(rel_data, rel_ours, atol=1e-5)


def _write_png(path, arr):
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(arr).save(path)


def _fake_cafca(root, subject="00002", views=(0, 1, 5, 12), size=24):
    """Our turntable cameras seen in a Cafca-like world (origin at the head, metres)."""
    Q, scale = _rotation(1), 0.1
    cams = turntable_cameras(30, size=size)
    data = _to_dataset_world(cams.c2w, Q, scale, torch.zeros(3, dtype=torch.float64))
    d = root / "00000-00099" / subject / "00000_000"
    rng = np.random.default_rng(0)
    for v in views:
        name = f"C{v:02d}"
        img = rng.integers(0, 256, (size, size + 8, 3), dtype=np.uint8)  # not square, like real captures
        _write_png(d / "color_image" / f"{name}.png", img)
        mask = np.zeros((size, size + 8), np.uint8)
        mask[4:-4, 8:-8] = 255
        _write_png(d / "foreground_mask" / f"{name}.png", mask)
        K = cams.K[v].double().numpy()
        (d / "cameras_json").mkdir(parents=True, exist_ok=True)
        (d / "cameras_json" / f"{name}.json").write_text(json.dumps({"K": K.tolist(), "cam2world": data[v].numpy().tolist(),
                                                                      "world2cam": torch.linalg.inv(data[v]).numpy().tolist()}))
    return cams


def test_cafca_adapter_reads_the_published_layout_and_transfers_cameras(tmp_path):
    cams = _fake_cafca(tmp_path)
    ds = D.CafcaDataset(tmp_path)
    assert ds.available_cameras("00002") == ["C00", "C01", "C05", "C12"]
    subject = ds.subject(D.SubjectViews("00002", "C00", ("C05", "C12")), aligned=True)
    assert [v.name for v in subject.test_views] == ["C05", "C12"]
    img = subject.test_views[0].load()
    assert img.shape == (24, 32, 4) and float(img[0, 0, 3]) == 0.0 and float(img[12, 16, 3]) == 1.0
    ours = D.our_test_cameras(subject, 24)
    assert torch.allclose(ours.c2w, cams.c2w[[5, 12]], atol=1e-4)
    assert len(ds.subject(D.SubjectViews("00002", "C00", ()), aligned=False).test_views) == 4  # all cameras
    with pytest.raises(FaceliftError, match="00003 not found"):
        ds.subject(D.SubjectViews("00003", "C00", ()))
    with pytest.raises(FaceliftError, match="C00–C29"):
        D.cafca_view_name("C31")


def _fake_ava(root, frame=123, size=(20, 30)):
    """Eight cameras around a head placed away from the origin, in millimetres; one camera stored
    as an AVIF inside a zip, one as an extracted PNG."""
    cams = turntable_cameras(8, elevation=10.0, size=size)
    ids = ["401168"] + [f"4000{i:02d}" for i in range(1, 8)]
    head = torch.tensor([120.0, -40.0, 900.0], dtype=torch.float64)
    data = _to_dataset_world(cams.c2w, _rotation(2), 400.0, head)
    krt = []
    for i, cid in enumerate(ids):
        w2c = torch.linalg.inv(data[i]).numpy()
        krt.append({"cameraId": cid, "K": cams.K[i].double().numpy().T.tolist(), "T": w2c.T.tolist(),
                    "distortion": [0, 0, 0, 0, 0], "width": size[0], "height": size[1]})
    dec = root / "m--20210223--1023--AVW368--GHS" / "decoder"
    dec.mkdir(parents=True)
    (dec / "camera_calibration.json").write_text(json.dumps({"KRT": krt}))
    rng = np.random.default_rng(1)
    img_dir = dec / "image"
    img_dir.mkdir()
    buf = img_dir / "tmp.avif"
    Image.fromarray(rng.integers(0, 256, (size[1], size[0], 3), dtype=np.uint8)).save(buf, format="AVIF")
    with zipfile.ZipFile(img_dir / "cam401168.zip", "w") as zf:
        zf.write(buf, f"cam401168/{frame:06d}.avif")
    buf.unlink()
    _write_png(img_dir / "cam400003" / f"{frame:06d}.png", rng.integers(0, 256, (size[1], size[0], 3), dtype=np.uint8))
    centre = head + 400.0 * cams.position.double().mean(0) @ _rotation(2).T  # mean camera position
    return cams, ids, centre


def test_ava256_adapter_recentres_and_transfers_cameras(tmp_path):
    cams, ids, centre = _fake_ava(tmp_path)
    ds = D.Ava256Dataset(tmp_path)
    assert torch.allclose(ds.center("AVW368"), centre, atol=1e-4)
    subject = ds.subject(D.SubjectViews("avw368", "401168", ("400003",), frame="123"))
    assert subject.input_view.load().shape == (30, 20, 3)  # AVIF from the zip
    assert subject.test_views[0].load().shape == (30, 20, 3)  # extracted PNG
    # Our input is the front camera at elevation 0; the dataset's input is at elevation 10, so the
    # transferred test camera keeps the input->test relative pose, not the absolute one.
    ours = D.our_test_cameras(subject, 16)
    rel_data = cams.c2w[0, :3, :3].double().T @ cams.c2w[3, :3, :3].double()
    rel_ours = orbit_camera(0.0).c2w[:3, :3].double().T @ ours.c2w[0, :3, :3].double()
    assert torch.allclose(rel_data, rel_ours, atol=1e-4)
    assert math.isclose(float(ours.position[0].norm()), RADIUS, rel_tol=1e-5)
    with pytest.raises(FaceliftError, match="frame id"):
        ds.subject(D.SubjectViews("AVW368", "401168", ("400003",)))
    with pytest.raises(FaceliftError, match="not in the calibration"):
        ds.view("AVW368", "999999", "123")


class _Flat:
    """A stand-in 'Gaussians' and renderer: renders a constant grey image, full alpha."""

    def __init__(self):
        self.calls = 0

    def reconstruct(self, image):
        assert image.shape[-1] == 3 and image.dtype == torch.float32
        self.calls += 1
        return "gaussians"

    def render(self, gaussians, camera):
        return torch.cat([torch.full((camera.height, camera.width, 3), 0.5), torch.ones(camera.height, camera.width, 1)], -1)


def test_benchmark_writes_tables_images_and_the_paper_comparison(tmp_path):
    _fake_cafca(tmp_path / "cafca")
    flat = _Flat()
    rows = [D.SubjectViews("00002", "C00", ("C05", "C12"))]
    excluded_view = "C12"

    def aligner(render, target):
        return None if aligner.n == 1 else render  # the second view "has no face"

    aligner.n = 0

    def counting(render, target):
        out = aligner(render, target)
        aligner.n += 1
        return out

    res = P.run_benchmark("cafca", tmp_path / "cafca", rows, flat.reconstruct, MetricSuite(), tmp_path / "out",
                          aligned=True, size=16, render=flat.render, aligner=counting)
    assert flat.calls == 1
    assert [r["view"] for r in res.per_view.rows] == ["00002/C05"]
    assert res.excluded == [f"00002/{excluded_view}: no face detected"]
    # PSNR of the grey render against the target prepared the documented way.
    view = D.CafcaDataset(tmp_path / "cafca").view("00002", "C05")
    from facelift.eval.metrics import composite, psnr

    target = composite(D.square_resize(view.load(), 16))
    expected = float(psnr(torch.full((16, 16, 3), 0.5), target))
    assert math.isclose(res.per_view.rows[0]["PSNR"], expected, rel_tol=1e-6)
    summary = (tmp_path / "out" / "summary.md").read_text()
    assert "16.61" in summary and "0.1573" in summary and "ours (this run)" in summary
    assert "| PSNR-masked ↑ | SSIM-masked ↑ |" in summary  # extra columns from Cafca's masks
    assert list(csv.DictReader((tmp_path / "out" / "per_subject.csv").open()))[0]["subject"] == "00002"
    assert (tmp_path / "out" / "images" / "00002_C05.png").is_file()
    assert "C12" in (tmp_path / "out" / "excluded.txt").read_text()


def test_benchmark_cli_uses_the_injected_pipeline(tmp_path, monkeypatch, capsys):
    from facelift.cli import main

    _fake_cafca(tmp_path / "cafca")
    flat = _Flat()
    monkeypatch.setattr(P, "pipeline_hooks", lambda weights, device=None: P.PipelineHooks(flat.reconstruct, None, None))
    monkeypatch.setattr(P, "default_render", flat.render)
    lst = tmp_path / "list.csv"
    lst.write_text("subject,input_view,test_views\n00002,C00,C01 C05\n")
    code = main(["eval", "benchmark", "--dataset", "cafca", "--root", str(tmp_path / "cafca"), "--subjects", str(lst),
                 "-o", str(tmp_path / "rep"), "--metrics", "psnr,ssim", "--size", "16"])
    assert code == 0
    assert "13.77" in capsys.readouterr().out  # unaligned: Table 1's † rows
    views = [r["view"] for r in csv.DictReader((tmp_path / "rep" / "per_view.csv").open())]
    assert views == ["00002/C00", "00002/C01", "00002/C05", "00002/C12", "mean"]  # unaligned: every camera
    assert main(["eval", "benchmark", "--dataset", "ava256", "--root", str(tmp_path), "-o", str(tmp_path / "r2")]) == 2
    assert "--subjects" in capsys.readouterr().err


def _fake_procedural_subject(folder, size=16, disc=False):
    cams = Camera.stack([*[facelift_cameras(size)[i] for i in range(6)], orbit_camera(30, 20, size=size), orbit_camera(150, -10, size=size)])
    names = []
    for i in range(len(cams)):
        img = np.zeros((size, size, 4), np.uint8)
        img[..., :3] = 128
        img[..., 3] = 255
        if disc:  # a round opaque "head" on a transparent background
            yy, xx = np.mgrid[:size, :size]
            img[..., 3] = np.where((yy - size / 2) ** 2 + (xx - size / 2) ** 2 < (size / 3) ** 2, 255, 0)
        names.append(f"images/{i:03d}.png")
        _write_png(folder / names[-1], img)
    write_transforms(folder / "transforms.json", cams, names)


def test_procedural_benchmark_reports_each_stage(tmp_path):
    _fake_procedural_subject(tmp_path / "head_000")
    s = P.load_procedural_subject(tmp_path / "head_000")
    assert s.fixed_images.shape[0] == 6 and s.other_images.shape[0] == 2
    assert torch.allclose(s.fixed.position, facelift_cameras(16).position, atol=1e-4)

    grey = 128 / 255

    def generate(front):
        return torch.full((6, 8, 8, 3), grey + 0.1)  # Stage I at another size; off by 0.1 -> 20 dB

    def reconstruct(views, cameras):
        assert views.shape == (6, 16, 16, 3) and len(cameras) == 6
        return float(views.mean())

    def render(value, camera):
        return torch.cat([torch.full((camera.height, camera.width, 3), value), torch.ones(camera.height, camera.width, 1)], -1)

    table = P.run_procedural([tmp_path / "head_000"], generate_views=generate, reconstruct_views=reconstruct, render=render)
    rows = {r["setting"]: r for r in table.rows}
    assert set(rows) == {"stage1", "stage2", "end-to-end"}
    assert math.isclose(rows["stage1"]["PSNR"], 20.0, rel_tol=1e-4)
    assert math.isclose(rows["end-to-end"]["PSNR-masked"], 20.0, rel_tol=1e-4)
    assert rows["stage2"]["IoU"] == 1.0 and rows["stage2"]["PSNR"] == math.inf  # a perfect reconstruction
    assert "| stage1 |" in table.to_markdown(with_mean=False)

    # Photo-fit gets the end-to-end head, the true front view and the generated views.
    calls = []

    def photo_fit(value, front_rgba, generated, cameras):
        calls.append((value, tuple(front_rgba.shape), tuple(generated.shape), len(cameras)))
        return grey  # the exact grey: a perfect fit

    table = P.run_procedural([tmp_path / "head_000"], generate_views=generate, reconstruct_views=reconstruct,
                             render=render, photo_fit=photo_fit)
    rows = {r["setting"]: r for r in table.rows}
    assert calls == [(pytest.approx(grey + 0.1), (16, 16, 4), (6, 16, 16, 4), 6)]
    assert rows["end-to-end+fit"]["PSNR"] == math.inf and math.isclose(rows["end-to-end"]["PSNR"], 20.0, rel_tol=1e-4)
    # ... and per azimuth group, so a gain in front cannot hide a loss at the back.
    groups = P.azimuth_groups(s.other)
    assert sum(len(i) for i in groups.values()) == len(s.other)
    for group in groups:
        assert rows[f"end-to-end+fit, {group}"]["PSNR"] == math.inf
        assert math.isclose(rows[f"end-to-end, {group}"]["PSNR"], 20.0, rel_tol=1e-4)


def test_azimuth_groups_bin_orbit_cameras_by_angle_from_the_front():
    from facelift.cameras import Camera, orbit_camera

    cams = Camera.stack([orbit_camera(a, 10.0, size=8) for a in (0, -45, 59, 90, -100, 135, 180, -170)])
    assert P.azimuth_groups(cams) == {"front 0-60°": [0, 1, 2], "side 60-120°": [3, 4], "back 120-180°": [5, 6, 7]}


def test_procedural_stage1_silhouette_of_rgb_views_is_what_differs_from_white(tmp_path):
    _fake_procedural_subject(tmp_path / "head_000", disc=True)
    s = P.load_procedural_subject(tmp_path / "head_000")
    truth = s.fixed_images  # (6, H, W, 4)

    def generate(front):  # the true views composited on white: a perfect RGB generator
        return truth[..., :3] * truth[..., 3:] + (1.0 - truth[..., 3:])

    def blank(front):
        return torch.ones_like(truth[..., :3])

    exact = {r["setting"]: r for r in P.run_procedural([tmp_path / "head_000"], generate_views=generate).rows}
    empty = {r["setting"]: r for r in P.run_procedural([tmp_path / "head_000"], generate_views=blank).rows}
    assert exact["stage1"]["IoU"] == 1.0  # opaque RGB would have scored the disc's area fraction
    assert empty["stage1"]["IoU"] == 0.0


def test_landmark_aligner_plugs_into_the_protocol_and_improves_a_misframed_render():
    data = pytest.importorskip("skimage.data")
    from facelift.eval.metrics import psnr

    target = torch.from_numpy(data.astronaut()[:256, 96:352] / 255.0).float()  # the face, 256²
    # A "render" of the same face, 10% smaller and shifted: what camera transfer leaves behind.
    theta = torch.tensor([[[1.1, 0.0, 0.08], [0.0, 1.1, -0.05]]])
    grid = torch.nn.functional.affine_grid(theta, (1, 3, 256, 256), align_corners=False)
    render = torch.nn.functional.grid_sample(target.permute(2, 0, 1)[None], grid, padding_mode="border",
                                             align_corners=False)[0].permute(1, 2, 0)
    aligner = P.default_aligner()
    aligned = aligner(render.numpy(), target.numpy())
    assert aligned is not None
    aligned = torch.from_numpy(np.array(aligned, dtype=np.float32))
    assert aligned.shape == target.shape
    assert float(psnr(aligned, target)) > float(psnr(render, target)) + 3
    assert aligner(np.ones((64, 64, 3), np.float32), target.numpy()) is None  # no face: excluded


def test_procedural_cli_takes_the_held_out_split(tmp_path, monkeypatch, capsys):
    from facelift.cli import main

    for name in ("h0", "h1"):
        _fake_procedural_subject(tmp_path / "data" / name)
    (tmp_path / "data" / "index.json").write_text(json.dumps({"subjects": [
        {"name": "h0", "split": "train", "identity": "h0"}, {"name": "h1", "split": "test", "identity": "h1"}]}))
    seen = []

    def reconstruct(views, cameras):
        seen.append(len(cameras))
        return 0.5

    monkeypatch.setattr(P, "pipeline_hooks", lambda weights, device=None: P.PipelineHooks(None, None, reconstruct))
    monkeypatch.setattr(P, "default_render", lambda v, cam: torch.cat([torch.full((cam.height, cam.width, 3), v), torch.ones(cam.height, cam.width, 1)], -1))
    assert main(["eval", "procedural", "--data", str(tmp_path / "data"), "-o", str(tmp_path / "proc.md")]) == 0
    assert seen == [6]  # only the test-split head
    assert "| stage2 |" in capsys.readouterr().out
    assert (tmp_path / "proc.csv").is_file()
    assert main(["eval", "procedural", "--data", str(tmp_path / "data"), "--split", "val"]) == 2
    assert "no subjects in split 'val'" in capsys.readouterr().err
    # A report path that cannot be written is refused before any subject is reconstructed.
    seen.clear()
    assert main(["eval", "procedural", "--data", str(tmp_path / "data"), "-o", str(tmp_path / "proc.txt")]) == 2
    assert "must end in .csv or .md" in capsys.readouterr().err and seen == []


def test_benchmark_renders_with_the_real_rasterizer_through_transferred_cameras(tmp_path):
    # A small ball of Gaussians at the origin must appear at the image centre of every
    # transferred test camera (they all look at the head's centre from radius 2.7).
    from facelift.gaussians import Gaussians

    _fake_cafca(tmp_path / "cafca")
    g = torch.Generator().manual_seed(0)
    n = 64
    ball = Gaussians(means=0.15 * torch.randn(n, 3, generator=g), scales=torch.full((n, 3), 0.08),
                     rotations=torch.tensor([[1.0, 0.0, 0.0, 0.0]]).repeat(n, 1), opacities=torch.full((n,), 0.9),
                     colors=torch.full((n, 3), 0.2))
    renders = []

    def render(gaussians, camera):
        out = P.default_render(gaussians, camera)
        renders.append(out)
        return out

    res = P.run_benchmark("cafca", tmp_path / "cafca", [D.SubjectViews("00002", "C00", ("C05", "C12"))],
                          lambda image: ball, MetricSuite(), tmp_path / "out", size=16, render=render)
    assert len(renders) == 4  # unaligned: all four cameras of the fake subject
    for out in renders:
        assert out.shape == (16, 16, 4)
        assert float(out[8, 8, 3]) > 0.9 and float(out[0, 0, 3]) < 0.05  # head in the middle, white around
    assert all(math.isfinite(r["PSNR"]) for r in res.per_view.rows)
    # Cafca's masks give the extra columns; the ball is smaller than the fake masks' box.
    assert all(0.0 < r["IoU"] < 1.0 and math.isfinite(r["PSNR-masked"]) for r in res.per_view.rows)


def test_benchmark_reports_a_failed_subject_and_goes_on(tmp_path):
    _fake_cafca(tmp_path / "cafca", subject="00002")
    _fake_cafca(tmp_path / "cafca", subject="00004")
    flat = _Flat()

    def reconstruct(image):
        if reconstruct.n == 0:
            reconstruct.n += 1
            raise FaceliftError("no face found in the input")
        return flat.reconstruct(image)

    reconstruct.n = 0
    rows = [D.SubjectViews("00002", "C00", ("C05",)), D.SubjectViews("00004", "C00", ("C05",))]
    res = P.run_benchmark("cafca", tmp_path / "cafca", rows, reconstruct, MetricSuite(), tmp_path / "out",
                          aligned=True, size=16, render=flat.render, aligner=lambda r, t: r)
    assert [r["view"] for r in res.per_view.rows] == ["00004/C05"]
    assert res.excluded == ["00002: reconstruction failed: no face found in the input"]


def test_export_cameras_then_evaluate_another_methods_renders(tmp_path, capsys):
    from facelift.cameras import read_transforms
    from facelift.cli import main
    from facelift.eval.metrics import composite, psnr

    cams = _fake_cafca(tmp_path / "cafca")
    lst = tmp_path / "list.csv"
    lst.write_text("subject,input_view,test_views\n00002,C00,C05 C12\n")
    assert main(["eval", "export-cameras", "--dataset", "cafca", "--root", str(tmp_path / "cafca"), "--subjects", str(lst),
                 "--aligned", "--size", "24", "-o", str(tmp_path / "export")]) == 0
    exported, files, extra = read_transforms(tmp_path / "export" / "00002" / "transforms.json")
    assert files == ["C05.png", "C12.png"] and extra["facelift_benchmark"]["input_view"] == "C00"
    assert torch.allclose(exported.c2w, cams.c2w[[5, 12]], atol=1e-4)
    assert Image.open(tmp_path / "export" / "00002" / "input.png").size == (32, 24)
    # "Another method" renders only C05, at another size, grey on a transparent film.
    grey = np.zeros((48, 48, 4), np.uint8)
    grey[..., :3] = 128
    grey[..., 3] = 255
    _write_png(tmp_path / "renders" / "00002" / "C05.png", grey)
    # (unaligned, so every camera of the subject is a test view): C05 is evaluated, the rest reported.
    assert main(["eval", "benchmark", "--dataset", "cafca", "--root", str(tmp_path / "cafca"), "--subjects", str(lst),
                 "--renders", str(tmp_path / "renders"), "--size", "24", "--metrics", "psnr", "-o", str(tmp_path / "rep2")]) == 0
    rows = list(csv.DictReader((tmp_path / "rep2" / "per_view.csv").open()))
    assert [r["view"] for r in rows] == ["00002/C05", "mean"]
    target = composite(D.square_resize(D.CafcaDataset(tmp_path / "cafca").view("00002", "C05").load(), 24))
    assert math.isclose(float(rows[0]["PSNR"]), float(psnr(torch.full((24, 24, 3), 128 / 255), target)), rel_tol=1e-5)
    excluded = (tmp_path / "rep2" / "excluded.txt").read_text()
    assert "00002/C12: no render" in excluded and "00002/C05" not in excluded
