package city.gridwhistle.web.photos;

import city.gridwhistle.web.photos.PhotoRejectedException.Problem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Numbers and names read out of a photo's bytes, and written into a cleaned copy. Every read checks that the bytes
 * are there: a photo whose structure points past its own end is refused as malformed, never read out of bounds.
 */
final class ImageBytes {

    private ImageBytes() {
    }

    static PhotoRejectedException malformed(String why) {
        return new PhotoRejectedException(Problem.MALFORMED, "the photo cannot be read: " + why);
    }

    static PhotoRejectedException notRemovable(String what) {
        return new PhotoRejectedException(Problem.METADATA_NOT_REMOVABLE,
                "the photo holds " + what + ", which cannot be removed safely; send it as a JPEG");
    }

    /** Refuses the photo unless {@code length} bytes from {@code at} lie within it. */
    static void require(byte[] b, long at, long length) {
        if (at < 0 || length < 0 || at + length > b.length) {
            throw malformed("it ends before its structure does");
        }
    }

    static int u8(byte[] b, long at) {
        require(b, at, 1);
        return b[(int) at] & 0xFF;
    }

    static int u16(byte[] b, long at) {
        return u8(b, at) << 8 | u8(b, at + 1);
    }

    static long u32(byte[] b, long at) {
        return (long) u16(b, at) << 16 | u16(b, at + 2);
    }

    /** A big-endian unsigned number of 0, 2, 4 or 8 bytes; one of 8 beyond what a photo can hold is refused. */
    static long uint(byte[] b, long at, int size) {
        return switch (size) {
            case 0 -> 0;
            case 2 -> u16(b, at);
            case 4 -> u32(b, at);
            case 8 -> {
                long value = u32(b, at) << 32 | u32(b, at + 4);
                if (value < 0 || value > Integer.MAX_VALUE) {
                    throw malformed("a 64-bit offset or size beyond the photo");
                }
                yield value;
            }
            default -> throw malformed("a field of " + size + " bytes");
        };
    }

    static int u16le(byte[] b, long at) {
        return u8(b, at) | u8(b, at + 1) << 8;
    }

    static int u24le(byte[] b, long at) {
        return u16le(b, at) | u8(b, at + 2) << 16;
    }

    static long u32le(byte[] b, long at) {
        return u16le(b, at) | (long) u16le(b, at + 2) << 16;
    }

    /** The four ASCII characters naming a chunk or box. */
    static String fourcc(byte[] b, long at) {
        require(b, at, 4);
        return new String(b, (int) at, 4, StandardCharsets.ISO_8859_1);
    }

    static boolean startsWith(byte[] b, long at, String ascii) {
        byte[] expected = ascii.getBytes(StandardCharsets.ISO_8859_1);
        if (at < 0 || at + expected.length > b.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (b[(int) at + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    static void put16(ByteArrayOutputStream out, int value) {
        out.write(value >>> 8);
        out.write(value);
    }

    static void put32(ByteArrayOutputStream out, long value) {
        put16(out, (int) (value >>> 16));
        put16(out, (int) value);
    }

    /** A big-endian unsigned number in a field of 0, 2, 4 or 8 bytes, as {@link #uint} reads it. */
    static void putUint(ByteArrayOutputStream out, long value, int size) {
        switch (size) {
            case 0 -> {
            }
            case 2 -> put16(out, (int) value);
            case 4 -> put32(out, value);
            case 8 -> {
                put32(out, value >>> 32);
                put32(out, value);
            }
            default -> throw new IllegalArgumentException("a field of " + size + " bytes");
        }
    }

    static void put32le(ByteArrayOutputStream out, long value) {
        out.write((int) value);
        out.write((int) (value >>> 8));
        out.write((int) (value >>> 16));
        out.write((int) (value >>> 24));
    }

    static void putAscii(ByteArrayOutputStream out, String ascii) {
        out.writeBytes(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    static void copy(ByteArrayOutputStream out, byte[] b, long from, long to) {
        require(b, from, to - from);
        out.write(b, (int) from, (int) (to - from));
    }
}
