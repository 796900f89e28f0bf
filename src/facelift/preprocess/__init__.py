"""Face preprocessing: robust loading, detection, segmentation, the release's framing, alignment.

``preprocess_image(photo)`` turns any photo into the 512² white-background input that Stage I
was trained on (SPEC §2.1). Everything runs offline on models bundled in the mediapipe wheel;
the models load lazily on first use and stay cached.

- :mod:`~facelift.preprocess.io`: decoding any photo (formats, EXIF, alpha, bit depths, errors).
- :mod:`~facelift.preprocess.detect`: face boxes and 478-point face-mesh landmarks.
- :mod:`~facelift.preprocess.segment`: portrait segmentation onto white.
- :mod:`~facelift.preprocess.crop`: the release's framing and its calibration to our detector.
- :mod:`~facelift.preprocess.align`: landmark alignment of renders to targets (evaluation).
- :mod:`~facelift.preprocess.prepare`: :func:`preprocess_image`, the steps above in order.
"""

from facelift.preprocess.crop import FACE_CENTER, FACE_SIZE, CropTransform, framing_transform, warp
from facelift.preprocess.detect import FaceBox, FaceDetection, detect_faces, face_landmarks
from facelift.preprocess.io import LoadedImage, load_image
from facelift.preprocess.prepare import FaceFound, PreprocessResult, find_face, frame_image, preprocess_image
from facelift.preprocess.segment import segment_person

__all__ = [
    "FACE_CENTER", "FACE_SIZE", "CropTransform", "FaceBox", "FaceDetection", "FaceFound", "LoadedImage",
    "PreprocessResult", "detect_faces", "face_landmarks", "find_face", "frame_image", "framing_transform",
    "load_image", "preprocess_image", "segment_person", "warp",
]
