"""A stand-in for LivePortrait's ``LivePortraitWrapper`` (its weights are not available here).

Same methods and shapes as the real one; its "motion" is the centroid of the crop's pure blue
pixels (``t``), and its "generator" shifts the source crop by the keypoints' move. Also
written as ``src/live_portrait_wrapper.py`` of a fake checkout by the tests.
"""

import numpy as np
import torch


def get_rotation_matrix(pitch, yaw, roll):
    return torch.eye(3)[None].repeat(pitch.shape[0], 1, 1)


class LivePortraitWrapper:
    def __init__(self, inference_cfg=None):
        self.inference_cfg = inference_cfg
        self.calls = 0

    def prepare_source(self, img):
        assert img.shape == (256, 256, 3) and img.dtype == np.uint8
        return torch.from_numpy(img.astype(np.float32) / 255.0).permute(2, 0, 1)[None]

    def get_kp_info(self, x, **kwargs):
        blue = (x[0, 2] > 0.8) & (x[0, 0] < 0.2) & (x[0, 1] < 0.2)
        ys, xs = torch.nonzero(blue, as_tuple=True)
        t = torch.zeros(1, 3)
        if len(xs):
            t[0, 0], t[0, 1] = xs.float().mean() / 256, ys.float().mean() / 256
        zero = torch.zeros(1, 1)
        return {"pitch": zero, "yaw": zero, "roll": zero, "t": t, "exp": torch.zeros(1, 2, 3),
                "scale": torch.ones(1, 1), "kp": torch.zeros(1, 2, 3)}

    def extract_feature_3d(self, x):
        return x

    def transform_keypoint(self, info):
        return info["scale"][..., None] * info["kp"] + info["t"][:, None, :]

    def stitching(self, kp_source, kp_driving):
        return kp_driving

    def warp_decode(self, feature, kp_source, kp_driving):
        self.calls += 1
        dx, dy = ((kp_driving - kp_source)[0, 0, :2] * 256).round().long().tolist()
        return {"out": torch.roll(feature, shifts=(dy, dx), dims=(2, 3))}

    def parse_output(self, out):
        return (out.permute(0, 2, 3, 1).clamp(0, 1).numpy() * 255 + 0.5).astype(np.uint8)
