package city.gridwhistle.web.open311;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The two formats of GeoReport v2, chosen by the extension of the path. A response is built once as maps (in
 * field order) and lists, then written as JSON or as XML, where a list's items take the singular of its name.
 */
enum Open311Format {
    JSON(new MediaType("application", "json", StandardCharsets.UTF_8)),
    XML(new MediaType("text", "xml", StandardCharsets.UTF_8));

    private static final ObjectMapper WRITER = new ObjectMapper();
    private static final Map<String, String> ITEMS = Map.ofEntries(Map.entry("endpoints", "endpoint"),
            Map.entry("formats", "format"), Map.entry("attributes", "attribute"), Map.entry("values", "value"),
            Map.entry("service_requests", "request"), Map.entry("services", "service"), Map.entry("errors", "error"),
            Map.entry("notes", "note"), Map.entry("service_request_updates", "request_update"),
            Map.entry("media_urls", "media_url"));

    private final MediaType mediaType;

    Open311Format(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    static Open311Format of(String extension) {
        if ("json".equals(extension)) {
            return JSON;
        }
        if ("xml".equals(extension)) {
            return XML;
        }
        throw Open311Exception.badRequest("the format must be json or xml, not '" + extension + "'");
    }

    /** The format the path asks for, JSON when it names none we know (errors must be written somehow). */
    static Open311Format ofPath(String path) {
        return path != null && path.endsWith(".xml") ? XML : JSON;
    }

    /**
     * @param root the XML root element: {@code services}, {@code service_requests}, a list's name; or an object's
     */
    ResponseEntity<String> respond(HttpStatus status, String root, Object body) {
        return ResponseEntity.status(status).contentType(mediaType).body(write(root, body));
    }

    String write(String root, Object body) {
        if (this == JSON) {
            try {
                return WRITER.writeValueAsString(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        element(xml, root, body);
        return xml.toString();
    }

    private static void element(StringBuilder xml, String name, Object value) {
        if (value == null) {
            xml.append('<').append(name).append("/>");
            return;
        }
        xml.append('<').append(name).append('>');
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> element(xml, key.toString(), child));
        } else if (value instanceof List<?> list) {
            String item = ITEMS.getOrDefault(name, "item");
            list.forEach(child -> element(xml, item, child));
        } else {
            escape(xml, value.toString());
        }
        xml.append("</").append(name).append('>');
    }

    private static void escape(StringBuilder xml, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '&' -> xml.append("&amp;");
                case '"' -> xml.append("&quot;");
                case '\'' -> xml.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        xml.append(c);
                    }
                }
            }
        }
    }
}
