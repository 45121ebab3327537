package city.gridwhistle.web.photos;

import static city.gridwhistle.web.photos.ImageBytes.fourcc;
import static city.gridwhistle.web.photos.ImageBytes.malformed;
import static city.gridwhistle.web.photos.ImageBytes.u16le;
import static city.gridwhistle.web.photos.ImageBytes.u24le;
import static city.gridwhistle.web.photos.ImageBytes.u32le;
import static city.gridwhistle.web.photos.ImageBytes.u8;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Strips a WebP of its metadata, chunk by chunk, without touching the compressed image. Kept: the image (lossy or
 * lossless, with its alpha), the ICC profile, the animation and its frames' images, and an {@code EXIF} chunk
 * holding only the orientation. Dropped: the rest of EXIF, {@code XMP }, every unknown chunk (at the top and inside
 * frames), and whatever follows the RIFF container. The {@code VP8X} flags are set to what is left.
 */
final class WebpMetadata {

    private static final int EXIF = 0x08;
    private static final int XMP = 0x04;

    private record Chunk(String type, long payload, long size) {
    }

    private WebpMetadata() {
    }

    static byte[] strip(byte[] in, PixelLimit limit) {
        long end = 8 + u32le(in, 4);
        if (end > in.length) {
            throw malformed("the WebP ends before its container does");
        }
        List<Chunk> chunks = chunks(in, 12, end);
        Chunk head = chunks.isEmpty() ? null : chunks.getFirst();
        boolean extended = head != null && head.type().equals("VP8X");
        if (extended) {
            if (head.size() < 10) {
                throw malformed("a WebP extended header too short");
            }
            limit.check(u24le(in, head.payload() + 4) + 1L, u24le(in, head.payload() + 7) + 1L);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(in.length);
        boolean image = false;
        boolean exifSeen = false;
        boolean exifKept = false;
        for (Chunk chunk : chunks) {
            switch (chunk.type()) {
                case "VP8 ", "VP8L" -> {
                    checkBitstream(in, chunk, limit);
                    image = true;
                    copy(body, in, chunk);
                }
                case "ALPH", "ICCP", "ANIM" -> copy(body, in, chunk);
                case "ANMF" -> {
                    frame(in, chunk, limit, body);
                    image = true;
                }
                case "EXIF" -> {
                    if (extended && !exifSeen) {
                        exifSeen = true;
                        exifKept = orientation(in, chunk, body);
                    }
                }
                default -> {
                    // VP8X is written afresh below; XMP and unknown chunks are dropped
                }
            }
        }
        if (!image) {
            throw malformed("a WebP without image data");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.size() + 30);
        ImageBytes.putAscii(out, "RIFF");
        ImageBytes.put32le(out, 4 + (extended ? 18 : 0) + body.size());
        ImageBytes.putAscii(out, "WEBP");
        if (extended) {
            byte[] vp8x = new byte[10];
            System.arraycopy(in, (int) head.payload(), vp8x, 0, 10);
            vp8x[0] = (byte) (vp8x[0] & ~(EXIF | XMP) | (exifKept ? EXIF : 0));
            write(out, "VP8X", vp8x);
        }
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /** An animation frame keeps its place, duration and image; chunks of any other kind inside it are dropped. */
    private static void frame(byte[] in, Chunk anmf, PixelLimit limit, ByteArrayOutputStream out) {
        if (anmf.size() < 16) {
            throw malformed("a WebP animation frame too short for its header");
        }
        limit.check(u24le(in, anmf.payload() + 6) + 1L, u24le(in, anmf.payload() + 9) + 1L);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        ImageBytes.copy(frame, in, anmf.payload(), anmf.payload() + 16);
        for (Chunk chunk : chunks(in, anmf.payload() + 16, anmf.payload() + anmf.size())) {
            if (chunk.type().equals("VP8 ") || chunk.type().equals("VP8L")) {
                checkBitstream(in, chunk, limit);
                copy(frame, in, chunk);
            } else if (chunk.type().equals("ALPH")) {
                copy(frame, in, chunk);
            }
        }
        write(out, "ANMF", frame.toByteArray());
    }

    /** The size the lossy ({@code VP8 }) or lossless ({@code VP8L}) bitstream declares, before it is decoded. */
    private static void checkBitstream(byte[] in, Chunk chunk, PixelLimit limit) {
        long at = chunk.payload();
        if (chunk.type().equals("VP8L")) {
            if (chunk.size() < 5 || u8(in, at) != 0x2F) {
                throw malformed("a lossless WebP bitstream without its signature");
            }
            long bits = u32le(in, at + 1);
            limit.check((bits & 0x3FFF) + 1, (bits >>> 14 & 0x3FFF) + 1);
        } else {
            boolean keyFrame = (u8(in, at) & 1) == 0;
            if (chunk.size() < 10 || !keyFrame || !ImageBytes.startsWith(in, at + 3, "\u009D\u0001\u002A")) {
                throw malformed("a lossy WebP bitstream without its key frame header");
            }
            limit.check(u16le(in, at + 6) & 0x3FFF, u16le(in, at + 8) & 0x3FFF);
        }
    }

    /** Writes an EXIF chunk holding only the orientation, in the same form (with or without "Exif\0\0") as found. */
    private static boolean orientation(byte[] in, Chunk exif, ByteArrayOutputStream out) {
        boolean prefixed = ImageBytes.startsWith(in, exif.payload(), "Exif\0\0");
        long tiff = exif.payload() + (prefixed ? 6 : 0);
        int orientation = ExifOrientation.read(in, (int) tiff, (int) (exif.payload() + exif.size()));
        if (orientation == ExifOrientation.UPRIGHT) {
            return false;
        }
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        ImageBytes.putAscii(payload, prefixed ? "Exif\0\0" : "");
        payload.writeBytes(ExifOrientation.tiff(orientation));
        write(out, "EXIF", payload.toByteArray());
        return true;
    }

    private static List<Chunk> chunks(byte[] in, long from, long to) {
        List<Chunk> chunks = new ArrayList<>();
        long at = from;
        while (at < to) {
            if (at + 8 > to) {
                throw malformed("a WebP chunk header is cut short");
            }
            long size = u32le(in, at + 4);
            if (at + 8 + size > to) {
                throw malformed("a WebP chunk runs past its container");
            }
            chunks.add(new Chunk(fourcc(in, at), at + 8, size));
            at += 8 + size + (size & 1);
        }
        return chunks;
    }

    private static void copy(ByteArrayOutputStream out, byte[] in, Chunk chunk) {
        write(out, chunk.type(), Arrays.copyOfRange(in, (int) chunk.payload(), (int) (chunk.payload() + chunk.size())));
    }

    private static void write(ByteArrayOutputStream out, String type, byte[] payload) {
        ImageBytes.putAscii(out, type);
        ImageBytes.put32le(out, payload.length);
        out.writeBytes(payload);
        if ((payload.length & 1) == 1) {
            out.write(0); // chunks are padded to an even length; the padding byte is written afresh
        }
    }
}
