"""Procedural 3D heads as Gaussian splats: no assets needed.

A head is built in 3D from parts, each a signed-distance field (SDF) in the head's own
frame: skull, face and jaw, chin, cheeks, brow ridge, nose, lips (open or closed mouth,
smile), ears, eyeballs with eyelids (sclera, iris, pupil, gaze), eyebrows, a hair shell
in one of :data:`HAIR_STYLES`, an optional beard, and a neck and shoulders wearing a
coloured top; with ``extras``, also glasses (:data:`GLASSES_STYLES`), a hat
(:data:`HAT_STYLES`), a striped or checked top (:data:`CLOTHES_PATTERNS`) and freckles. The union's surface is sampled about ``spacing`` apart
(:func:`facelift.data.sdf.surface_points`) and every sample becomes a flat Gaussian
lying in the surface (two tangent axes of ``0.7 * spacing``, a thin normal axis), so
renders are hole-free at any angle; the eyes get finer samples for the iris and pupil.

Conventions are SPEC §3 (:mod:`facelift.cameras`): world Z up, head at the origin inside
about [-1, 1]³, the face looking toward -Y, the subject's right at -X. Heads are sized
and placed so that the front view is framed like the public release's crop (SPEC §2.1):
measured with our preprocessing's release-convention face box on 512² front renders,
the box averages ~193 px (release: 194.3) centred near (256, 278) (release: (251.8, 280.0)).

Randomness has two levels, as in the paper (§3.1: identities x appearances):

* :class:`Identity` (``identity_seed``): head shape, skin tone, eye colour, natural hair
  colour, brow and lip shape.
* :class:`Appearance` (``identity_seed``, ``appearance_seed``): hairstyle and hair colour,
  beard, expression (mouth, smile, brows), gaze, head pose, clothes, lighting.

Every head is reproducible from the two seeds (:func:`make_head`).

Lighting (paper §4.6 ablation): ``"ambient"`` is uniform white light, shaded only by
ambient occlusion (what Cycles gives under a constant world); ``"environment"`` is a
random directional "sun" with soft shadows plus a coloured environment made of a few
random lobes, each the order-2 spherical-harmonics irradiance of a distant light;
``"hdri"`` lights the head with a real HDR environment map (:mod:`~facelift.data.procedural.envmap`:
its sun with soft shadows, the rest as order-2 SH irradiance), turned and exposed at random.
Shading is baked into each Gaussian's colour from its part's surface normal, so the
Gaussians render as seen under that light from every camera.

One module per job: :mod:`~facelift.data.procedural.params` samples the parameters,
:mod:`~facelift.data.procedural.geometry` builds the SDF parts,
:mod:`~facelift.data.procedural.colour` colours the surface, :mod:`~facelift.data.procedural.shading`
bakes the light in, :mod:`~facelift.data.procedural.assembly` makes the Gaussians. Make the bundled example head
with::

    facelift data head --example src/facelift/assets/example_head.ply
"""

from facelift.data.procedural.assembly import (EXAMPLE_LIGHTING, EXAMPLE_SEEDS, EXAMPLE_SPACING, ProceduralHead,
                                               build_head, example_head, make_head, spacing_for_resolution)
from facelift.data.procedural.geometry import HeadShape
from facelift.data.procedural.params import (BEARD_STYLES, CLOTHES_PATTERNS, GENERATOR_VERSION, GLASSES_STYLES,
                                             HAIR_STYLES, HAT_STYLES, HDRI_LIGHTING, LIGHTINGS, PART, PARTS, Appearance, Identity,
                                             Lighting, sample_appearance, sample_extras, sample_identity,
                                             sample_lighting)
from facelift.data.procedural.shading import shade

__all__ = ["Appearance", "BEARD_STYLES", "CLOTHES_PATTERNS", "EXAMPLE_LIGHTING", "EXAMPLE_SEEDS", "EXAMPLE_SPACING", "GENERATOR_VERSION",
           "GLASSES_STYLES", "HAIR_STYLES", "HAT_STYLES", "HDRI_LIGHTING", "HeadShape", "Identity", "LIGHTINGS", "Lighting", "PART", "PARTS", "ProceduralHead",
           "build_head", "example_head", "make_head", "sample_appearance", "sample_extras", "sample_identity",
           "sample_lighting", "shade", "spacing_for_resolution"]
