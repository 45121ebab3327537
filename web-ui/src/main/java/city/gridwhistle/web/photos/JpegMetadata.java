package city.gridwhistle.web.photos;

import static city.gridwhistle.web.photos.ImageBytes.malformed;
import static city.gridwhistle.web.photos.ImageBytes.notRemovable;
import static city.gridwhistle.web.photos.ImageBytes.startsWith;
import static city.gridwhistle.web.photos.ImageBytes.u16;
import static city.gridwhistle.web.photos.ImageBytes.u8;

import java.io.ByteArrayOutputStream;

/**
 * Strips a JPEG of its metadata, segment by segment, without touching the compressed image. Kept: the segments that
 * code the image (frame, tables, scans), JFIF without its thumbnail, the ICC profile, Adobe's colour transform, and
 * an EXIF holding only the orientation. Dropped: the rest of EXIF (GPS, camera, times, thumbnail), XMP, IPTC and
 * Photoshop (APP13), every other application segment, comments, and whatever follows the end of the image (the
 * further pictures of a multi-picture file, makers' trailers).
 */
final class JpegMetadata {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int APP0 = 0xE0;
    private static final int APP1 = 0xE1;
    private static final int APP2 = 0xE2;
    private static final int APP14 = 0xEE;
    private static final int APP15 = 0xEF;
    private static final int COM = 0xFE;

    private JpegMetadata() {
    }

    static byte[] strip(byte[] in, PixelLimit limit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(0xFF);
        out.write(SOI);
        boolean framed = false;
        boolean scanned = false;
        boolean orientationSeen = false;
        int at = 2;
        while (true) {
            if (u8(in, at) != 0xFF) {
                throw malformed("a JPEG segment does not start with a marker");
            }
            while (u8(in, at + 1) == 0xFF) {
                at++; // fill bytes before a marker
            }
            int marker = u8(in, at + 1);
            if (marker == EOI) {
                if (!scanned) {
                    throw malformed("a JPEG without image data");
                }
                out.write(0xFF);
                out.write(EOI);
                return out.toByteArray(); // anything after the end of the image is dropped
            }
            int length = u16(in, at + 2);
            if (length < 2 || isStandalone(marker)) {
                throw malformed("a JPEG segment has no proper length");
            }
            int start = at + 4;
            int end = at + 2 + length;
            ImageBytes.require(in, start, end - start);
            if (marker == APP0) {
                jfifWithoutThumbnail(in, start, end, out);
            } else if (marker == APP1) {
                if (!orientationSeen && startsWith(in, start, "Exif\0\0")) {
                    orientationSeen = true;
                    orientation(ExifOrientation.read(in, start + 6, end), out);
                }
            } else if (marker == APP2 && startsWith(in, start, "ICC_PROFILE\0")
                    || marker == APP14 && startsWith(in, start, "Adobe")) {
                ImageBytes.copy(out, in, at, end);
            } else if (marker >= APP2 && marker <= APP15 || marker == COM) {
                // dropped: IPTC and Photoshop (APP13), multi-picture (APP2 MPF), makers' segments, comments
            } else if (isFrame(marker)) {
                if (end - start < 6) {
                    throw malformed("a JPEG frame header too short for its size");
                }
                limit.check(u16(in, start + 3), u16(in, start + 1));
                framed = true;
                ImageBytes.copy(out, in, at, end);
            } else if (marker == SOS) {
                if (!framed) {
                    throw malformed("a JPEG scan comes before its frame");
                }
                scanned = true;
                int next = endOfScan(in, end);
                ImageBytes.copy(out, in, at, next);
                end = next;
            } else if (isTable(marker)) {
                ImageBytes.copy(out, in, at, end);
            } else {
                throw notRemovable(String.format("a JPEG segment of an unknown kind (marker %02X)", marker));
            }
            at = end;
        }
    }

    /** JFIF says how to read the colours; its optional thumbnail is a copy of the picture, and is left out. */
    private static void jfifWithoutThumbnail(byte[] in, int start, int end, ByteArrayOutputStream out) {
        if (end - start < 14 || !startsWith(in, start, "JFIF\0")) {
            return; // JFXX thumbnails and other APP0 segments are dropped
        }
        out.write(0xFF);
        out.write(APP0);
        ImageBytes.put16(out, 16);
        ImageBytes.copy(out, in, start, start + 12); // identifier, version, density unit and density
        out.write(0);
        out.write(0); // thumbnail 0 × 0
    }

    private static void orientation(int orientation, ByteArrayOutputStream out) {
        if (orientation == ExifOrientation.UPRIGHT) {
            return;
        }
        byte[] tiff = ExifOrientation.tiff(orientation);
        out.write(0xFF);
        out.write(APP1);
        ImageBytes.put16(out, 2 + 6 + tiff.length);
        ImageBytes.putAscii(out, "Exif\0\0");
        out.writeBytes(tiff);
    }

    /** Where the entropy-coded data after a scan header ends: at the first marker other than a restart. */
    private static int endOfScan(byte[] in, int from) {
        int at = from;
        while (!(u8(in, at) == 0xFF && isMarkerAfterScan(u8(in, at + 1)))) {
            at++;
        }
        return at;
    }

    private static boolean isMarkerAfterScan(int next) {
        // 00 is a stuffed FF data byte, D0–D7 are restarts inside the scan, FF is a fill byte before a marker
        return next != 0x00 && next != 0xFF && !(next >= 0xD0 && next <= 0xD7);
    }

    private static boolean isStandalone(int marker) {
        return marker == 0x01 || marker >= 0xD0 && marker <= SOI;
    }

    /** Start of frame: baseline, extended, progressive, lossless, hierarchical, arithmetic (not DHT, JPG, DAC). */
    private static boolean isFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /** Huffman and arithmetic tables, quantisation, restart interval, line count, hierarchical progression. */
    private static boolean isTable(int marker) {
        return marker == 0xC4 || marker == 0xCC || marker == 0xDB || marker == 0xDD || marker == 0xDC
                || marker == 0xDE || marker == 0xDF;
    }
}
