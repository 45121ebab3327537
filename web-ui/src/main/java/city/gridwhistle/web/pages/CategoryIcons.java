package city.gridwhistle.web.pages;

import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A picture beside each category's name in the rider's picker, so a category is found at a glance; the name is
 * always written too (the picture is decoration for screen readers). Templates call {@code ${@icons.of(code)}}.
 */
@Component("icons")
public class CategoryIcons {

    private static final Map<String, String> BY_CODE = Map.ofEntries(
            Map.entry("C0101", "🕳️"), Map.entry("C0102", "🕳️"), Map.entry("C0103", "🕳️"), Map.entry("C0104", "🕳️"),
            Map.entry("C0105", "🧯"), Map.entry("C0106", "💡"), Map.entry("C0201", "🚦"), Map.entry("C0202", "🪧"),
            Map.entry("C0203", "🚧"), Map.entry("C0204", "🚏"), Map.entry("C0301", "🚻"), Map.entry("C0302", "🗑️"),
            Map.entry("C0401", "🌳"), Map.entry("C0402", "🌿"), Map.entry("C0601", "🏠"), Map.entry("E0101", "🗑️"),
            Map.entry("E0102", "🧱"), Map.entry("E0103", "🧹"), Map.entry("E0104", "🏚️"), Map.entry("E0301", "🏗️"),
            Map.entry("E0302", "🚛"), Map.entry("E0401", "🕳️"), Map.entry("E0402", "🛣️"), Map.entry("E0403", "🌊"),
            Map.entry("E0404", "🌲"), Map.entry("E0405", "🔥"), Map.entry("E0406", "💨"), Map.entry("E0501", "🚒"),
            Map.entry("E0502", "🚗"), Map.entry("E0503", "🛒"));

    public String of(String code) {
        return BY_CODE.getOrDefault(code, code != null && code.startsWith("C") ? "🔧" : "⚠️");
    }
}
