package city.gridwhistle.web.photos;

import static city.gridwhistle.web.photos.ImageBytes.fourcc;
import static city.gridwhistle.web.photos.ImageBytes.malformed;
import static city.gridwhistle.web.photos.ImageBytes.notRemovable;
import static city.gridwhistle.web.photos.ImageBytes.u16;
import static city.gridwhistle.web.photos.ImageBytes.u32;
import static city.gridwhistle.web.photos.ImageBytes.u8;
import static city.gridwhistle.web.photos.ImageBytes.uint;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongUnaryOperator;

/**
 * Strips a HEIC (HEIF) of its metadata without touching the coded pictures. A HEIC is a tree of boxes: its
 * {@code meta} box lists items (pictures, tiles, thumbnails, and metadata such as EXIF and XMP), where each item's
 * bytes lie ({@code iloc}), how items refer to one another ({@code iref}), and their properties ({@code iprp}: size,
 * colour, rotation, mirroring...). The cleaned file keeps {@code ftyp}, a rewritten {@code meta} and the {@code mdat}
 * boxes, and drops every other top-level box. In {@code meta}:
 * <ul>
 *   <li>items of type {@code Exif}, {@code mime} (XMP) and {@code uri } are removed from {@code iinf}, {@code iloc},
 *       {@code iref} and {@code ipma}, and their bytes in {@code mdat} or {@code idat} are overwritten with zeros;
 *   <li>the pictures keep their items (without their names) and the properties that decode and show them, rotation
 *       ({@code irot}) and mirroring ({@code imir}) among them; any other property is replaced by an empty
 *       {@code free} box, so that the property numbers stay right;
 *   <li>every other box in {@code meta} (XML, protection...) is dropped, and the data references are written afresh
 *       as "in this file".
 * </ul>
 * Since {@code meta} shrinks and boxes go, the offsets in {@code iloc} are moved to where the bytes now are. An item
 * of a kind not known to be a picture, a metadata item whose bytes cannot be found, or an item whose bytes lie
 * outside the media data refuses the photo: a photo is never kept with metadata the store could not remove.
 */
final class HeicMetadata {

    /** Item types that are pictures: coded images, tiles, grids, overlays, identities, tone maps, masks. */
    /** Not {@code jpeg} or {@code j2k1}: their bitstreams may carry metadata segments of their own. */
    private static final Set<String> PICTURES = Set.of("hvc1", "hvt1", "av01", "avc1", "vvc1", "unci", "grid", "iovl",
            "iden", "tmap", "mski");
    /** Item types that are metadata. */
    private static final Set<String> METADATA = Set.of("Exif", "mime", "uri ");
    /** Properties that say how to decode a picture and how to show it. */
    private static final Set<String> PROPERTIES = Set.of("hvcC", "av1C", "avcC", "vvcC", "jpgC", "j2kH", "uncC",
            "cmpd", "ispe", "pixi", "colr", "irot", "imir", "clap", "auxC", "rloc", "lsel", "pasp", "a1op", "a1lx",
            "clli", "mdcv", "cclv", "amve", "oinf", "tols", "iscl");

    private record Box(String type, long start, long payload, long end) {

        long size() {
            return end - start;
        }
    }

    /** One item's entry in {@code iloc}; each extent is {index, offset, length}. */
    private record Location(long id, int method, int dataReference, long base, List<long[]> extents) {
    }

    /** The parts of a {@code meta} box, read once. */
    private record Meta(List<Box> children, Set<Long> metadataItems, Box locations) {
    }

    /** A stretch of the original file copied unchanged into the cleaned one, starting there at {@code to}. */
    private record Kept(long start, long end, long to) {
    }

    private HeicMetadata() {
    }

    static byte[] strip(byte[] in, PixelLimit limit) {
        List<Box> top = boxes(in, 0, in.length);
        if (top.isEmpty() || !top.getFirst().type().equals("ftyp")) {
            throw malformed("a HEIC must begin with its file type");
        }
        List<Box> metas = top.stream().filter(box -> box.type().equals("meta")).toList();
        if (metas.size() != 1) {
            throw metas.isEmpty() ? notRemovable("no item directory (a HEIC image sequence)")
                    : malformed("a HEIC with more than one item directory");
        }
        Box metaBox = metas.getFirst();
        Meta meta = read(in, metaBox);
        byte[] zeroed = in.clone();
        for (Location item : locations(in, meta.locations())) {
            if (meta.metadataItems().contains(item.id())) {
                overwrite(zeroed, item, meta);
            }
        }
        // the rewritten meta box has the same length whatever its offsets are: measure it, then write it for good
        int metaLength = rewrite(zeroed, meta, limit, offset -> offset).length;
        List<Kept> kept = new ArrayList<>();
        long to = 0;
        for (Box box : top) {
            if (box.type().equals("ftyp") || box.type().equals("mdat")) {
                kept.add(new Kept(box.start(), box.end(), to));
                to += box.size();
            } else if (box == metaBox) {
                to += metaLength;
            }
        }
        byte[] rewritten = rewrite(zeroed, meta, limit, offset -> moved(kept, offset));
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) to);
        for (Box box : top) {
            if (box == metaBox) {
                out.writeBytes(rewritten);
            } else if (box.type().equals("ftyp") || box.type().equals("mdat")) {
                ImageBytes.copy(out, zeroed, box.start(), box.end());
            }
        }
        return out.toByteArray();
    }

    private static Meta read(byte[] in, Box meta) {
        List<Box> children = boxes(in, meta.payload() + 4, meta.end());
        Set<Long> metadataItems = new HashSet<>();
        Box info = only(children, "iinf");
        for (Box entry : boxes(in, info.payload() + (u8(in, info.payload()) == 0 ? 6 : 8), info.end())) {
            if (entry.type().equals("infe") && METADATA.contains(itemType(in, entry))) {
                metadataItems.add(itemId(in, entry));
            }
        }
        only(children, "iprp");
        return new Meta(children, metadataItems, only(children, "iloc"));
    }

    private static byte[] rewrite(byte[] in, Meta meta, PixelLimit limit, LongUnaryOperator moved) {
        ByteArrayOutputStream children = new ByteArrayOutputStream();
        for (Box child : meta.children()) {
            switch (child.type()) {
                case "pitm", "grpl", "idat" -> ImageBytes.copy(children, in, child.start(), child.end());
                case "hdlr" -> children.writeBytes(handlerWithoutName(in, child));
                case "dinf" -> children.writeBytes(dataInThisFile(in, child));
                case "iinf" -> children.writeBytes(itemInfo(in, child, meta.metadataItems()));
                case "iloc" -> children.writeBytes(itemLocations(in, child, meta.metadataItems(), moved));
                case "iref" -> children.writeBytes(references(in, child, meta.metadataItems()));
                case "iprp" -> children.writeBytes(properties(in, child, meta.metadataItems(), limit));
                default -> {
                    // XML, protection and any other box in meta are dropped
                }
            }
        }
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        ImageBytes.put32(payload, 0); // version 0, no flags
        payload.writeBytes(children.toByteArray());
        return box("meta", payload.toByteArray());
    }

    /** {@code iinf} without the metadata items, and without the pictures' names. */
    private static byte[] itemInfo(byte[] in, Box info, Set<Long> metadataItems) {
        int version = u8(in, info.payload());
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        long count = 0;
        for (Box entry : boxes(in, info.payload() + (version == 0 ? 6 : 8), info.end())) {
            if (!entry.type().equals("infe") || metadataItems.contains(itemId(in, entry))) {
                continue;
            }
            String type = itemType(in, entry);
            if (!PICTURES.contains(type)) {
                throw notRemovable("an item of type '" + type + "'");
            }
            long typeEnd = entry.payload() + (u8(in, entry.payload()) == 2 ? 12 : 14);
            ByteArrayOutputStream infe = new ByteArrayOutputStream();
            ImageBytes.copy(infe, in, entry.payload(), typeEnd); // version, flags, id, protection, type
            infe.write(0); // an empty name
            entries.writeBytes(box("infe", infe.toByteArray()));
            count++;
        }
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        ImageBytes.copy(payload, in, info.payload(), info.payload() + 4); // version and flags
        ImageBytes.putUint(payload, count, version == 0 ? 2 : 4);
        payload.writeBytes(entries.toByteArray());
        return box("iinf", payload.toByteArray());
    }

    /** {@code hdlr} says the items are pictures; its name (free text) is left empty. */
    private static byte[] handlerWithoutName(byte[] in, Box hdlr) {
        if (hdlr.end() - hdlr.payload() < 24) {
            throw malformed("a HEIC handler box cut short");
        }
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        ImageBytes.copy(payload, in, hdlr.payload(), hdlr.payload() + 24); // version, flags, handler type, reserved
        payload.write(0);
        return box("hdlr", payload.toByteArray());
    }

    private static String itemType(byte[] in, Box entry) {
        int version = u8(in, entry.payload());
        if (version != 2 && version != 3) {
            throw notRemovable("an item described in an old form (version " + version + ")");
        }
        long at = entry.payload() + (version == 2 ? 8 : 10);
        if (at + 4 > entry.end()) {
            throw malformed("a HEIC item description cut short");
        }
        return fourcc(in, at);
    }

    private static long itemId(byte[] in, Box entry) {
        return uint(in, entry.payload() + 4, u8(in, entry.payload()) == 2 ? 2 : 4);
    }

    private static List<Location> locations(byte[] in, Box iloc) {
        long at = iloc.payload();
        int version = u8(in, at);
        if (version > 2) {
            throw notRemovable("item locations of an unknown form (version " + version + ")");
        }
        int sizes = u16(in, at + 4);
        int idSize = version < 2 ? 2 : 4;
        long count = uint(in, at + 6, idSize);
        at += 6 + idSize;
        List<Location> items = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            long id = uint(in, at, idSize);
            at += idSize;
            int method = version == 0 ? 0 : u16(in, at) & 0xF;
            at += version == 0 ? 0 : 2;
            int dataReference = u16(in, at);
            long base = uint(in, at + 2, sizes >>> 4 & 0xF);
            at += 2 + (sizes >>> 4 & 0xF);
            int extentCount = u16(in, at);
            at += 2;
            int indexSize = version == 0 ? 0 : sizes & 0xF;
            int extentSize = indexSize + (sizes >>> 12) + (sizes >>> 8 & 0xF);
            if (extentSize == 0 ? extentCount > 1 : at + (long) extentCount * extentSize > iloc.end()) {
                throw malformed("the HEIC item locations run past their box");
            }
            List<long[]> extents = new ArrayList<>();
            for (int e = 0; e < extentCount; e++) {
                long index = uint(in, at, indexSize);
                long offset = uint(in, at + indexSize, sizes >>> 12);
                long length = uint(in, at + indexSize + (sizes >>> 12), sizes >>> 8 & 0xF);
                at += extentSize;
                extents.add(new long[] {index, offset, length});
            }
            if (at > iloc.end()) {
                throw malformed("the HEIC item locations run past their box");
            }
            items.add(new Location(id, method, dataReference, base, extents));
        }
        return items;
    }

    /** Overwrites a metadata item's bytes with zeros, wherever they are: in the media data or in {@code idat}. */
    private static void overwrite(byte[] bytes, Location item, Meta meta) {
        long origin = 0;
        long end = bytes.length;
        if (item.method() == 1) {
            Box idat = only(meta.children(), "idat");
            origin = idat.payload();
            end = idat.end();
        } else if (item.method() != 0) {
            throw notRemovable("a metadata item made of other items");
        }
        for (long[] extent : item.extents()) {
            long from = origin + item.base() + extent[1];
            if (extent[2] == 0 || from + extent[2] > end) {
                throw notRemovable("a metadata item whose bytes cannot be located");
            }
            Arrays.fill(bytes, (int) from, (int) (from + extent[2]), (byte) 0);
        }
    }

    /** {@code iloc} without the metadata items, the pictures' offsets moved to where their bytes now are. */
    private static byte[] itemLocations(byte[] in, Box iloc, Set<Long> metadataItems, LongUnaryOperator moved) {
        int version = u8(in, iloc.payload());
        int sizes = u16(in, iloc.payload() + 4);
        int idSize = version < 2 ? 2 : 4;
        int baseSize = sizes >>> 4 & 0xF;
        int indexSize = version == 0 ? 0 : sizes & 0xF;
        List<Location> kept = locations(in, iloc).stream().filter(item -> !metadataItems.contains(item.id())).toList();
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        ImageBytes.copy(payload, in, iloc.payload(), iloc.payload() + 6); // version, flags, field sizes
        ImageBytes.putUint(payload, kept.size(), idSize);
        for (Location item : kept) {
            long shift = item.method() == 0 ? shift(item, moved) : 0;
            long base = item.base() == 0 ? 0 : item.base() + shift;
            ImageBytes.putUint(payload, item.id(), idSize);
            if (version > 0) {
                ImageBytes.put16(payload, item.method());
            }
            ImageBytes.put16(payload, item.dataReference());
            ImageBytes.putUint(payload, base, baseSize);
            ImageBytes.put16(payload, item.extents().size());
            for (long[] extent : item.extents()) {
                ImageBytes.putUint(payload, extent[0], indexSize);
                ImageBytes.putUint(payload, item.base() == 0 ? extent[1] + shift : extent[1], sizes >>> 12);
                ImageBytes.putUint(payload, extent[2], sizes >>> 8 & 0xF);
            }
        }
        return box("iloc", payload.toByteArray());
    }

    /** How far a picture's bytes move; all of them must lie within one box that is kept as it is. */
    private static long shift(Location item, LongUnaryOperator moved) {
        long shift = 0;
        for (int e = 0; e < item.extents().size(); e++) {
            long[] extent = item.extents().get(e);
            long from = item.base() + extent[1];
            long by = moved.applyAsLong(from) - from;
            if (extent[2] == 0 || moved.applyAsLong(from + extent[2] - 1) - (from + extent[2] - 1) != by
                    || e > 0 && by != shift) {
                throw notRemovable("a picture whose bytes lie outside its media data");
            }
            shift = by;
        }
        return shift;
    }

    /** Where a byte of the original file is in the cleaned one; only bytes of kept boxes have a place. */
    private static long moved(List<Kept> kept, long offset) {
        for (Kept stretch : kept) {
            if (offset >= stretch.start() && offset < stretch.end()) {
                return stretch.to() + offset - stretch.start();
            }
        }
        throw notRemovable("a picture whose bytes lie outside its media data");
    }

    /** {@code iref} without the references from or to metadata items (EXIF and XMP "describe" a picture). */
    private static byte[] references(byte[] in, Box iref, Set<Long> metadataItems) {
        int idSize = u8(in, iref.payload()) == 0 ? 2 : 4;
        ByteArrayOutputStream references = new ByteArrayOutputStream();
        for (Box reference : boxes(in, iref.payload() + 4, iref.end())) {
            long from = uint(in, reference.payload(), idSize);
            int count = u16(in, reference.payload() + idSize);
            if (reference.payload() + idSize + 2 + (long) count * idSize > reference.end()) {
                throw malformed("a HEIC item reference runs past its box");
            }
            List<Long> to = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                to.add(uint(in, reference.payload() + idSize + 2 + (long) i * idSize, idSize));
            }
            to.removeIf(metadataItems::contains);
            if (metadataItems.contains(from) || to.isEmpty()) {
                continue;
            }
            ByteArrayOutputStream payload = new ByteArrayOutputStream();
            ImageBytes.putUint(payload, from, idSize);
            ImageBytes.put16(payload, to.size());
            to.forEach(id -> ImageBytes.putUint(payload, id, idSize));
            references.writeBytes(box(reference.type(), payload.toByteArray()));
        }
        if (references.size() == 0) {
            return new byte[0];
        }
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        ImageBytes.copy(payload, in, iref.payload(), iref.payload() + 4);
        payload.writeBytes(references.toByteArray());
        return box("iref", payload.toByteArray());
    }

    /**
     * {@code iprp}: the properties that decode and show a picture stay, any other is replaced by an empty
     * {@code free} box; associations of metadata items go. Every size ({@code ispe}) is checked against the limit.
     */
    private static byte[] properties(byte[] in, Box iprp, Set<Long> metadataItems, PixelLimit limit) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        boolean sized = false;
        for (Box child : boxes(in, iprp.payload(), iprp.end())) {
            if (child.type().equals("ipco")) {
                ByteArrayOutputStream properties = new ByteArrayOutputStream();
                for (Box property : boxes(in, child.payload(), child.end())) {
                    if (property.type().equals("ispe")) {
                        if (property.end() - property.payload() < 12) {
                            throw malformed("a HEIC size property cut short");
                        }
                        limit.check(u32(in, property.payload() + 4), u32(in, property.payload() + 8));
                        sized = true;
                    }
                    if (PROPERTIES.contains(property.type())) {
                        ImageBytes.copy(properties, in, property.start(), property.end());
                    } else {
                        properties.writeBytes(box("free", new byte[0]));
                    }
                }
                payload.writeBytes(box("ipco", properties.toByteArray()));
            } else if (child.type().equals("ipma")) {
                payload.writeBytes(associations(in, child, metadataItems));
            }
        }
        if (!sized) {
            throw malformed("a HEIC whose pictures have no size");
        }
        return box("iprp", payload.toByteArray());
    }

    private static byte[] associations(byte[] in, Box ipma, Set<Long> metadataItems) {
        int idSize = u8(in, ipma.payload()) == 0 ? 2 : 4;
        int associationSize = (u8(in, ipma.payload() + 3) & 1) == 1 ? 2 : 1;
        long count = u32(in, ipma.payload() + 4);
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        long kept = 0;
        long at = ipma.payload() + 8;
        for (long i = 0; i < count; i++) {
            long start = at;
            long id = uint(in, at, idSize);
            at += idSize + 1 + (long) u8(in, at + idSize) * associationSize;
            if (at > ipma.end()) {
                throw malformed("the HEIC property associations run past their box");
            }
            if (!metadataItems.contains(id)) {
                ImageBytes.copy(entries, in, start, at);
                kept++;
            }
        }
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        ImageBytes.copy(payload, in, ipma.payload(), ipma.payload() + 4);
        ImageBytes.put32(payload, kept);
        payload.writeBytes(entries.toByteArray());
        return box("ipma", payload.toByteArray());
    }

    /**
     * {@code dinf} written afresh with as many references as before, each "in this file"; a reference to data in
     * another file (which would carry its address) refuses the photo.
     */
    private static byte[] dataInThisFile(byte[] in, Box dinf) {
        Box dref = only(boxes(in, dinf.payload(), dinf.end()), "dref");
        List<Box> entries = boxes(in, dref.payload() + 8, dref.end());
        if (entries.size() != u32(in, dref.payload() + 4)) {
            throw malformed("the HEIC data references do not match their count");
        }
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        ImageBytes.put32(payload, 0);
        ImageBytes.put32(payload, entries.size());
        for (Box entry : entries) {
            if ((u8(in, entry.payload() + 3) & 1) == 0) {
                throw notRemovable("a reference to data in another file");
            }
            payload.writeBytes(box("url ", new byte[] {0, 0, 0, 1}));
        }
        return box("dinf", box("dref", payload.toByteArray()));
    }

    private static Box only(List<Box> boxes, String type) {
        List<Box> found = boxes.stream().filter(box -> box.type().equals(type)).toList();
        if (found.size() != 1) {
            throw malformed("a HEIC needs exactly one '" + type + "' box here, it has " + found.size());
        }
        return found.getFirst();
    }

    private static List<Box> boxes(byte[] in, long from, long to) {
        List<Box> boxes = new ArrayList<>();
        long at = from;
        while (at < to) {
            if (at + 8 > to) {
                throw malformed("a HEIC box header is cut short");
            }
            long size = u32(in, at);
            long header = 8;
            if (size == 1) {
                size = uint(in, at + 8, 8);
                header = 16;
            } else if (size == 0) {
                size = to - at; // to the end of its container
            }
            if (size < header || at + size > to) {
                throw malformed("a HEIC box runs past its container");
            }
            boxes.add(new Box(fourcc(in, at + 4), at, at + header, at + size));
            at += size;
        }
        return boxes;
    }

    private static byte[] box(String type, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 + payload.length);
        ImageBytes.put32(out, 8 + payload.length);
        ImageBytes.putAscii(out, type);
        out.writeBytes(payload);
        return out.toByteArray();
    }
}
