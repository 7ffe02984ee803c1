"""Full-reference image comparison: largest pixel difference, PSNR and SSIM."""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

import numpy as np

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Comparison:
    """How far an image is from a reference of the same size.

    ``psnr`` is infinite for identical images; ``ssim`` is in -1..1, 1 identical.
    """

    max_abs_diff: int
    psnr: float
    ssim: float

    @property
    def identical(self) -> bool:
        """Whether every pixel is equal."""
        return self.max_abs_diff == 0


def compare_images(reference: np.ndarray, image: np.ndarray) -> Comparison | None:
    """Compare two 8-bit images; None when their sizes differ.

    PSNR (peak 255) and SSIM (Wang et al., IEEE TIP 13(4), 2004; Gaussian
    window, over the colour channels) come from scikit-image.
    """
    from skimage.metrics import peak_signal_noise_ratio, structural_similarity

    if reference.shape != image.shape:
        return None
    diff = int(np.abs(reference.astype(np.int16) - image.astype(np.int16)).max())
    if diff == 0:
        return Comparison(0, math.inf, 1.0)
    psnr = float(peak_signal_noise_ratio(reference, image, data_range=255))
    ssim = float(
        structural_similarity(
            reference,
            image,
            channel_axis=2 if image.ndim == 3 else None,
            gaussian_weights=True,
            sigma=1.5,
            use_sample_covariance=False,
            data_range=255,
        )
    )
    return Comparison(diff, psnr, ssim)
