package city.gridwhistle.web.photos;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/**
 * Photos built byte by byte, carrying what a phone's camera puts in them: an EXIF block with the position (a GPS
 * directory), the camera's make and model, the time and the orientation; XMP; IPTC; comments. The pictures
 * themselves are real (drawn and encoded by ImageIO), or for WebP and HEIC, hand-made bitstreams.
 */
final class PhotoFiles {

    static final String MAKE = "GridPhone";
    static final String MODEL = "Whistle X1";
    static final String TAKEN = "2025:06:02 08:15:00";
    /** The rider's latitude as EXIF codes it, 30° 36' 37.91" (big-endian rationals): in no cleaned photo. */
    static final byte[] LATITUDE = rationals(ByteOrder.BIG_ENDIAN, 30, 1, 36, 1, 3791, 100);
    static final byte[] LATITUDE_LITTLE_ENDIAN = rationals(ByteOrder.LITTLE_ENDIAN, 30, 1, 36, 1, 3791, 100);
    static final String XMP = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF><rdf:Description"
            + " exif:GPSLatitude=\"30,36.63N\" tiff:Make=\"" + MAKE + "\"/></rdf:RDF></x:xmpmeta>";
    static final String COMMENT = "taken by rider R001 at the east gate of Liangfeng";
    static final String CITY = "Chengdu Longquanyi";
    /** Portrait: the stored pixels must be turned 90° clockwise to show upright. */
    static final int PORTRAIT = 6;

    /** Where a PNG goes on after its signature and its header chunk. */
    static final int AFTER_PNG_HEADER = 8 + 12 + 13;
    /** The default limit of {@link PhotoProperties}: 64 million pixels. */
    static final PixelLimit LIMIT = new PixelLimit(64_000_000);

    private PhotoFiles() {
    }

    /** The photo as the store keeps it. */
    static byte[] clean(byte[] photo) {
        return PhotoStore.withoutMetadata(photo, PhotoStore.imageType(photo).orElseThrow(), LIMIT);
    }

    // ---- EXIF -------------------------------------------------------------------------------------------------------

    /** A TIFF structure as EXIF holds it: make, model, orientation, time, and a GPS directory with the position. */
    static byte[] exif(ByteOrder order, int orientation) {
        List<Entry> gps = List.of(
                ascii(0x0001, "N"), new Entry(0x0002, 5, 3, rationals(order, 30, 1, 36, 1, 3791, 100)),
                ascii(0x0003, "E"), new Entry(0x0004, 5, 3, rationals(order, 104, 1, 7, 1, 3012, 100)));
        List<Entry> first = List.of(ascii(0x010F, MAKE), ascii(0x0110, MODEL),
                new Entry(0x0112, 3, 1, shortValue(order, orientation)), ascii(0x0132, TAKEN),
                new Entry(0x8825, 4, 1, null)); // where the GPS directory is
        int firstSize = directorySize(first);
        int gpsAt = 8 + firstSize;
        ByteBuffer tiff = ByteBuffer.allocate(gpsAt + directorySize(gps)).order(order);
        tiff.put((byte) (order == ByteOrder.BIG_ENDIAN ? 'M' : 'I')).put(tiff.get(0)).putShort((short) 42).putInt(8);
        directory(tiff, 8, first, gpsAt);
        directory(tiff, gpsAt, gps, 0);
        return tiff.array();
    }

    /** One directory entry; a null value is the pointer to the next directory written (the GPS one). */
    private record Entry(int tag, int type, int count, byte[] value) {
    }

    private static Entry ascii(int tag, String text) {
        byte[] value = (text + "\0").getBytes(StandardCharsets.US_ASCII);
        return new Entry(tag, 2, value.length, value);
    }

    private static int directorySize(List<Entry> entries) {
        int size = 2 + 12 * entries.size() + 4;
        for (Entry entry : entries) {
            size += entry.value() != null && entry.value().length > 4 ? entry.value().length : 0;
        }
        return size;
    }

    private static void directory(ByteBuffer tiff, int at, List<Entry> entries, int pointer) {
        int data = at + 2 + 12 * entries.size() + 4;
        tiff.position(at);
        tiff.putShort((short) entries.size());
        for (Entry entry : entries) {
            tiff.putShort((short) entry.tag()).putShort((short) entry.type()).putInt(entry.count());
            if (entry.value() == null) {
                tiff.putInt(pointer);
            } else if (entry.value().length <= 4) {
                tiff.put(Arrays.copyOf(entry.value(), 4));
            } else {
                tiff.putInt(data);
                int here = tiff.position();
                tiff.position(data).put(entry.value());
                data += entry.value().length;
                tiff.position(here);
            }
        }
        tiff.putInt(0);
        tiff.position(data);
    }

    private static byte[] shortValue(ByteOrder order, int value) {
        return ByteBuffer.allocate(2).order(order).putShort((short) value).array();
    }

    static byte[] rationals(ByteOrder order, int... numbers) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * numbers.length).order(order);
        for (int number : numbers) {
            buffer.putInt(number);
        }
        return buffer.array();
    }

    // ---- JPEG -------------------------------------------------------------------------------------------------------

    /** A real JPEG with the given segments put right after its JFIF header, and the given bytes after its end. */
    static byte[] jpeg(Color colour, List<byte[]> segments, byte[] trailer) {
        byte[] plain = city.gridwhistle.web.pages.Pictures.jpeg(colour);
        return insert(plain, afterJfif(plain), segments, trailer);
    }

    /** Where ImageIO's JPEG goes on after its JFIF header (the first segment). */
    static int afterJfif(byte[] jpeg) {
        return 4 + ((jpeg[4] & 0xFF) << 8 | jpeg[5] & 0xFF);
    }

    /** What a phone writes: EXIF with the position, XMP, IPTC (APP13), an ICC profile, a comment. */
    static List<byte[]> phoneSegments(ByteOrder order) {
        return List.of(
                segment(0xE1, concat(ascii("Exif\0\0"), exif(order, PORTRAIT))),
                segment(0xE1, concat(ascii("http://ns.adobe.com/xap/1.0/\0"), ascii(XMP))),
                segment(0xED, concat(ascii("Photoshop 3.0\08BIM"), new byte[] {0x04, 0x04, 0, 0, 0, 0, 0, 24},
                        new byte[] {0x1C, 0x02, 0x5A, 0, 18}, ascii(CITY), new byte[1])),
                segment(0xE2, concat(ascii("ICC_PROFILE\0"), new byte[] {1, 1}, srgbProfile())),
                segment(0xFE, ascii(COMMENT)));
    }

    static byte[] srgbProfile() {
        return ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    }

    static byte[] segment(int marker, byte[] payload) {
        return concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) ((payload.length + 2) >> 8),
                (byte) (payload.length + 2)}, payload);
    }

    /** The payloads of a JPEG's segments with this marker, up to its first scan. */
    static List<byte[]> segments(byte[] jpeg, int marker) {
        List<byte[]> found = new ArrayList<>();
        int at = 2;
        while ((jpeg[at + 1] & 0xFF) != 0xDA) {
            int length = (jpeg[at + 2] & 0xFF) << 8 | jpeg[at + 3] & 0xFF;
            if ((jpeg[at + 1] & 0xFF) == marker) {
                found.add(Arrays.copyOfRange(jpeg, at + 4, at + 2 + length));
            }
            at += 2 + length;
        }
        return found;
    }

    /** A JPEG header declaring a frame of the given size, and nothing else. */
    static byte[] jpegFrame(int width, int height) {
        return concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, segment(0xC0, new byte[] {8, (byte) (height >> 8),
                (byte) height, (byte) (width >> 8), (byte) width, 1, 1, 0x11, 0}));
    }

    // ---- PNG --------------------------------------------------------------------------------------------------------

    /** A real PNG with the given chunks put right after its header, and the given bytes after its end. */
    static byte[] png(Color colour, List<byte[]> chunks, byte[] trailer) {
        return insert(city.gridwhistle.web.pages.Pictures.png(colour), AFTER_PNG_HEADER, chunks, trailer);
    }

    /** What an editor writes: text, compressed text, XMP, EXIF with the position, the time, a private chunk. */
    static List<byte[]> editorChunks() {
        Deflater deflater = new Deflater();
        deflater.setInput(ascii(COMMENT));
        deflater.finish();
        byte[] compressed = new byte[200];
        compressed = Arrays.copyOf(compressed, deflater.deflate(compressed));
        return List.of(
                chunk("tEXt", concat(ascii("Author\0"), ascii(MAKE + " " + MODEL))),
                chunk("zTXt", concat(ascii("Comment\0\0"), compressed)),
                chunk("iTXt", concat(ascii("XML:com.adobe.xmp\0\0\0\0\0"), ascii(XMP))),
                chunk("eXIf", exif(ByteOrder.LITTLE_ENDIAN, PORTRAIT)),
                chunk("tIME", new byte[] {0x07, (byte) 0xE9, 6, 2, 8, 15, 0}),
                chunk("gpSa", ascii(CITY)));
    }

    static byte[] chunk(String type, byte[] data) {
        byte[] typed = concat(ascii(type), data);
        CRC32 crc = new CRC32();
        crc.update(typed);
        return concat(ByteBuffer.allocate(4).putInt(data.length).array(), typed,
                ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** The types of a PNG's chunks, in order. */
    static List<String> chunkTypes(byte[] png) {
        List<String> types = new ArrayList<>();
        for (int at = 8; at < png.length; at += 12 + ByteBuffer.wrap(png, at, 4).getInt()) {
            types.add(new String(png, at + 4, 4, StandardCharsets.ISO_8859_1));
        }
        return types;
    }

    /** A PNG header declaring an image of the given size, and nothing else. */
    static byte[] pngHeader(int width, int height) {
        return concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
                chunk("IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                        .array()));
    }

    // ---- WebP -------------------------------------------------------------------------------------------------------

    /**
     * A lossless bitstream of one colour, written by hand: no transforms, no colour cache, and each of the five
     * prefix codes a "simple" code of one symbol (the colour's four channels, and distance 0), so every pixel takes
     * no bits at all.
     */
    static byte[] losslessOneColour(int width, int height, Color colour) {
        Bits bits = new Bits();
        bits.put(0x2F, 8).put(width - 1, 14).put(height - 1, 14).put(0, 1).put(0, 3);
        bits.put(0, 1).put(0, 1).put(0, 1); // no transform, no colour cache, no meta prefix codes
        for (int channel : new int[] {colour.getGreen(), colour.getRed(), colour.getBlue(), colour.getAlpha()}) {
            bits.put(1, 1).put(0, 1).put(1, 1).put(channel, 8); // simple code, one symbol, 8 bits for it
        }
        bits.put(1, 1).put(0, 1).put(0, 1).put(0, 1); // distance: simple code, one symbol, 1 bit: 0
        return bits.bytes();
    }

    /** Bits packed from the least significant bit of each byte up, as WebP's lossless format reads them. */
    private static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int current;
        private int used;

        Bits put(int value, int count) {
            for (int i = 0; i < count; i++) {
                current |= (value >> i & 1) << used;
                if (++used == 8) {
                    out.write(current);
                    current = 0;
                    used = 0;
                }
            }
            return this;
        }

        byte[] bytes() {
            if (used > 0) {
                out.write(current);
            }
            return out.toByteArray();
        }
    }

    /** An extended WebP: VP8X with the given flags and canvas, then the given chunks. */
    static byte[] webp(int flags, int width, int height, byte[]... chunks) {
        ByteBuffer vp8x = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        vp8x.put((byte) flags).put(new byte[3]);
        vp8x.put((byte) (width - 1)).put((byte) (width - 1 >> 8)).put((byte) (width - 1 >> 16));
        vp8x.put((byte) (height - 1)).put((byte) (height - 1 >> 8)).put((byte) (height - 1 >> 16));
        return riff(concat(riffChunk("VP8X", vp8x.array()), concat(chunks)));
    }

    /** The RIFF container of a WebP around the given chunks. */
    static byte[] riff(byte[] chunks) {
        return concat(ascii("RIFF"), le32(4 + chunks.length), ascii("WEBP"), chunks);
    }

    static byte[] riffChunk(String type, byte[] data) {
        return concat(ascii(type), le32(data.length), data, new byte[data.length & 1]);
    }

    private static byte[] le32(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }

    // ---- HEIC -------------------------------------------------------------------------------------------------------

    /** Stands for the coded picture: the HEVC bitstream is not decoded by anything here. */
    static final byte[] CODED_PICTURE = ascii("HEVC coded picture: slices of the hazard, untouched");
    static final String HANDLER_NAME = "GridPhone camera";
    static final String DESCRIPTION = "outside my flat, 3rd floor";

    /**
     * A HEIC with one picture (item 1: {@code hvc1}, 640 × 480 unless told, turned by {@code irot}), an EXIF item
     * (item 2) describing it, a user description property, and XMP in a top-level {@code uuid} box. The EXIF bytes
     * lie in {@code mdat} after the picture's, or in {@code meta}'s {@code idat} (then {@code iloc} is version 1).
     */
    static byte[] heic(long width, long height, boolean exifInIdat) {
        byte[] exif = concat(new byte[4], exif(ByteOrder.BIG_ENDIAN, 1)); // 4 bytes: where TIFF starts, 0
        byte[] ftyp = box("ftyp", concat(ascii("heic"), new byte[4], ascii("mif1heic")));
        byte[] meta = heicMeta(0, exif, width, height, exifInIdat);
        int pictureAt = ftyp.length + meta.length + 8;
        meta = heicMeta(pictureAt, exif, width, height, exifInIdat);
        byte[] mdat = box("mdat", exifInIdat ? CODED_PICTURE : concat(CODED_PICTURE, exif));
        byte[] uuid = box("uuid", concat(new byte[16], ascii(XMP)));
        return concat(ftyp, meta, mdat, uuid);
    }

    private static byte[] heicMeta(int pictureAt, byte[] exif, long width, long height, boolean exifInIdat) {
        int version = exifInIdat ? 1 : 0;
        ByteBuffer iloc = ByteBuffer.allocate(8 + 2 * (exifInIdat ? 16 : 14));
        iloc.put((byte) version).put(new byte[3]).putShort((short) 0x4400).putShort((short) 2);
        iloc.putShort((short) 1);
        if (exifInIdat) {
            iloc.putShort((short) 0);
        }
        iloc.putShort((short) 0).putShort((short) 1).putInt(pictureAt).putInt(CODED_PICTURE.length);
        iloc.putShort((short) 2);
        if (exifInIdat) {
            iloc.putShort((short) 1);
        }
        iloc.putShort((short) 0).putShort((short) 1)
                .putInt(exifInIdat ? 0 : pictureAt + CODED_PICTURE.length).putInt(exif.length);
        byte[] infe1 = box("infe", concat(new byte[] {2, 0, 0, 0, 0, 1, 0, 0}, ascii("hvc1"), ascii("picture\0")));
        byte[] infe2 = box("infe", concat(new byte[] {2, 0, 0, 0, 0, 2, 0, 0}, ascii("Exif"), new byte[1]));
        byte[] ipco = box("ipco", concat(
                box("hvcC", ascii("decoder configuration")),
                box("ispe", ByteBuffer.allocate(12).putInt(0).putInt((int) width).putInt((int) height).array()),
                box("irot", new byte[] {3}),
                box("udes", concat(new byte[4], ascii("en\0"), ascii(DESCRIPTION + "\0\0\0")))));
        byte[] ipma = box("ipma", concat(new byte[] {0, 0, 0, 0, 0, 0, 0, 2},
                new byte[] {0, 1, 4, (byte) 0x81, 2, (byte) 0x83, 4}, new byte[] {0, 2, 1, 4}));
        return box("meta", concat(new byte[4],
                box("hdlr", concat(new byte[8], ascii("pict"), new byte[12], ascii(HANDLER_NAME + "\0"))),
                box("pitm", new byte[] {0, 0, 0, 0, 0, 1}),
                box("iloc", iloc.array()),
                box("iinf", concat(new byte[] {0, 0, 0, 0, 0, 2}, infe1, infe2)),
                box("iref", concat(new byte[4], box("cdsc", new byte[] {0, 2, 0, 1, 0, 1}))),
                box("iprp", concat(ipco, ipma)),
                exifInIdat ? box("idat", exif) : new byte[0],
                box("xml ", concat(new byte[4], ascii(XMP)))));
    }

    static byte[] box(String type, byte[] payload) {
        return concat(ByteBuffer.allocate(4).putInt(8 + payload.length).array(), ascii(type), payload);
    }

    /** The first box of this type in a HEIC, searched depth first through the boxes that hold boxes. */
    static ByteBuffer findBox(byte[] heic, String type) {
        return findBox(ByteBuffer.wrap(heic), type);
    }

    private static ByteBuffer findBox(ByteBuffer boxes, String type) {
        while (boxes.remaining() >= 8) {
            int size = boxes.getInt(boxes.position());
            String found = new String(boxes.array(), boxes.arrayOffset() + boxes.position() + 4, 4,
                    StandardCharsets.ISO_8859_1);
            ByteBuffer payload = boxes.slice(boxes.position() + 8, size - 8);
            if (found.equals(type)) {
                return payload;
            }
            int skip = switch (found) {
                case "meta" -> 4;
                case "iprp", "ipco", "dinf" -> 0;
                case "iinf" -> payload.get(0) == 0 ? 6 : 8;
                default -> -1;
            };
            if (skip >= 0) {
                ByteBuffer inside = findBox(payload.slice(skip, payload.remaining() - skip), type);
                if (inside != null) {
                    return inside;
                }
            }
            boxes.position(boxes.position() + size);
        }
        return null;
    }

    // ---- checks -----------------------------------------------------------------------------------------------------

    /** The orientation in a TIFF structure that must hold nothing else: one directory of one entry, none after. */
    static int orientationOnly(byte[] tiff) {
        ByteBuffer b = ByteBuffer.wrap(tiff).order(tiff[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        assertThat(b.getShort(2)).as("TIFF magic").isEqualTo((short) 42);
        int directory = b.getInt(4);
        assertThat(b.getShort(directory)).as("entries").isEqualTo((short) 1);
        assertThat(b.getShort(directory + 2)).as("tag").isEqualTo((short) 0x0112);
        assertThat(b.getInt(directory + 14)).as("next directory").isZero();
        assertThat(tiff.length).as("nothing after the directory").isEqualTo(directory + 18);
        return b.getShort(directory + 10);
    }

    /** The pixels ImageIO decodes. */
    static int[] pixels(byte[] image) throws IOException {
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
        assertThat(decoded).as("decodes").isNotNull();
        return decoded.getRGB(0, 0, decoded.getWidth(), decoded.getHeight(), null, 0, decoded.getWidth());
    }

    // ---- bytes ------------------------------------------------------------------------------------------------------

    /** The picture with the parts put in at {@code at}, and the trailer after its end. */
    private static byte[] insert(byte[] picture, int at, List<byte[]> parts, byte[] trailer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(picture, 0, at);
        parts.forEach(out::writeBytes);
        out.write(picture, at, picture.length - at);
        out.writeBytes(trailer);
        return out.toByteArray();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Whether {@code needle} occurs anywhere in {@code haystack}. */
    static boolean contains(byte[] haystack, byte[] needle) {
        return indexOf(haystack, needle) >= 0;
    }

    static boolean contains(byte[] haystack, String needle) {
        return contains(haystack, ascii(needle));
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
