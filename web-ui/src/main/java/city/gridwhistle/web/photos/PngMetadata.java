package city.gridwhistle.web.photos;

import static city.gridwhistle.web.photos.ImageBytes.fourcc;
import static city.gridwhistle.web.photos.ImageBytes.malformed;
import static city.gridwhistle.web.photos.ImageBytes.notRemovable;
import static city.gridwhistle.web.photos.ImageBytes.u32;

import java.io.ByteArrayOutputStream;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Strips a PNG of its metadata, chunk by chunk, without touching the compressed image. Kept: the critical chunks
 * and the ancillary ones that say how to show the pixels (transparency, gamma, chromaticities, ICC profile,
 * significant bits, sRGB, HDR colour), and an {@code eXIf} holding only the orientation. Dropped: text
 * ({@code tEXt}, {@code zTXt}, {@code iTXt}, where XMP lives), the rest of {@code eXIf}, {@code tIME}, animation
 * frames, and every other ancillary chunk, known or private; and whatever follows {@code IEND}.
 */
final class PngMetadata {

    private static final Set<String> KEPT = Set.of("IHDR", "PLTE", "IDAT", "tRNS", "gAMA", "cHRM", "iCCP", "sBIT",
            "sRGB", "bKGD", "cICP", "mDCV", "cLLI");
    private static final int SIGNATURE = 8;

    private PngMetadata() {
    }

    static byte[] strip(byte[] in, PixelLimit limit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, SIGNATURE);
        boolean imageData = false;
        long at = SIGNATURE;
        while (true) {
            long length = u32(in, at);
            String type = fourcc(in, at + 4);
            long end = at + 12 + length;
            ImageBytes.require(in, at, end - at);
            if (at == SIGNATURE) {
                if (!type.equals("IHDR") || length != 13) {
                    throw malformed("a PNG must begin with its header");
                }
                limit.check(u32(in, at + 8), u32(in, at + 12));
            }
            if (crc(in, at + 4, end - 4) != u32(in, end - 4)) {
                throw malformed("the PNG chunk " + type + " is damaged (its CRC does not match)");
            }
            if (type.equals("IEND")) {
                if (!imageData) {
                    throw malformed("a PNG without image data");
                }
                ImageBytes.copy(out, in, at, end);
                return out.toByteArray(); // anything after the end of the image is dropped
            }
            imageData |= type.equals("IDAT");
            if (KEPT.contains(type)) {
                ImageBytes.copy(out, in, at, end);
            } else if (type.equals("eXIf")) {
                orientation(ExifOrientation.read(in, (int) at + 8, (int) end - 4), out);
            } else if (Character.isUpperCase(type.charAt(0))) {
                throw notRemovable("a PNG chunk " + type + " that a viewer needs but the store does not know");
            }
            at = end;
        }
    }

    private static void orientation(int orientation, ByteArrayOutputStream out) {
        if (orientation != ExifOrientation.UPRIGHT) {
            byte[] tiff = ExifOrientation.tiff(orientation);
            ByteArrayOutputStream chunk = new ByteArrayOutputStream();
            ImageBytes.putAscii(chunk, "eXIf");
            chunk.writeBytes(tiff);
            byte[] typed = chunk.toByteArray(); // the CRC covers the type and the data
            ImageBytes.put32(out, tiff.length);
            out.writeBytes(typed);
            ImageBytes.put32(out, crc(typed, 0, typed.length));
        }
    }

    private static long crc(byte[] b, long from, long to) {
        CRC32 crc = new CRC32();
        crc.update(b, (int) from, (int) (to - from));
        return crc.getValue();
    }
}
