package city.gridwhistle.web.photos;

import java.io.ByteArrayOutputStream;

/**
 * The one EXIF tag a cleaned photo keeps: Orientation, which tells a viewer how to turn the stored pixels so that a
 * photo taken in portrait shows upright. Everything else EXIF holds (position, time, camera, thumbnail) goes.
 */
final class ExifOrientation {

    /** As stored: no turning needed, and no EXIF needed to say so. */
    static final int UPRIGHT = 1;

    private static final int ORIENTATION = 0x0112;
    private static final int SHORT = 3;

    private ExifOrientation() {
    }

    /**
     * The orientation held in the TIFF structure (the body of EXIF) from {@code start} to {@code end}; {@link #UPRIGHT}
     * when it has none or it cannot be read. An unreadable EXIF is dropped whole, so it cannot make a photo unsafe.
     */
    static int read(byte[] b, int start, int end) {
        Tiff tiff = new Tiff(b, start, end);
        if (end - start < 8 || !(tiff.ascii(0, "II") || tiff.ascii(0, "MM")) || tiff.u16(2) != 42) {
            return UPRIGHT;
        }
        long ifd = tiff.u32(4);
        int entries = tiff.u16(ifd);
        for (int i = 0; i < entries; i++) {
            long entry = ifd + 2 + 12L * i;
            if (tiff.u16(entry) == ORIENTATION && tiff.u16(entry + 2) == SHORT && tiff.u32(entry + 4) == 1) {
                int orientation = tiff.u16(entry + 8);
                return orientation >= 1 && orientation <= 8 ? orientation : UPRIGHT;
            }
        }
        return UPRIGHT;
    }

    /** A TIFF structure (big-endian) whose only directory holds only the orientation. */
    static byte[] tiff(int orientation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(26);
        ImageBytes.putAscii(out, "MM");
        ImageBytes.put16(out, 42);
        ImageBytes.put32(out, 8); // the directory follows at once
        ImageBytes.put16(out, 1);
        ImageBytes.put16(out, ORIENTATION);
        ImageBytes.put16(out, SHORT);
        ImageBytes.put32(out, 1);
        ImageBytes.put16(out, orientation);
        ImageBytes.put16(out, 0);
        ImageBytes.put32(out, 0); // no further directory
        return out.toByteArray();
    }

    /** Reads within one EXIF block, in its byte order; anything past its end reads as 0, so the loop above ends. */
    private record Tiff(byte[] b, int start, int end) {

        boolean ascii(long at, String text) {
            return ImageBytes.startsWith(b, start + at, text);
        }

        int u8(long at) {
            return at >= 0 && start + at < end ? b[(int) (start + at)] & 0xFF : 0;
        }

        int u16(long at) {
            boolean little = b[start] == 'I';
            return little ? u8(at) | u8(at + 1) << 8 : u8(at) << 8 | u8(at + 1);
        }

        long u32(long at) {
            boolean little = b[start] == 'I';
            return little ? u16(at) | (long) u16(at + 2) << 16 : (long) u16(at) << 16 | u16(at + 2);
        }
    }
}
