package city.gridwhistle.web.photos;

import city.gridwhistle.web.photos.PhotoRejectedException.Problem;

/**
 * The most pixels a photo may have, checked against the width and height its header declares, before anything is
 * decoded: a few hundred bytes can declare an image that would take gigabytes to decode (a decompression bomb).
 */
record PixelLimit(long maxPixels) {

    /** Refuses the photo when {@code width × height} is over the limit, or when either is not a real size. */
    void check(long width, long height) {
        if (width <= 0 || height <= 0) {
            throw ImageBytes.malformed("its header gives no width and height");
        }
        if (width > maxPixels / height) {
            throw new PhotoRejectedException(Problem.TOO_MANY_PIXELS, "a photo may have at most " + maxPixels
                    + " pixels, this one is " + width + " × " + height);
        }
    }
}
