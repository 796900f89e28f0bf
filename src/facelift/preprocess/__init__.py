"""Face preprocessing: robust loading, detection, segmentation, the release's framing, alignment.

``preprocess_image(photo)`` turns any photo into the 512² white-background input that Stage I
was trained on (SPEC §2.1). Everything runs offline on models bundled in the mediapipe wheel.
"""

from facelift.preprocess.io import LoadedImage, load_image

__all__ = ["LoadedImage", "load_image"]
