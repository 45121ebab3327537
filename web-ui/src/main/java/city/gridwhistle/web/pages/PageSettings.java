package city.gridwhistle.web.pages;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the pages.
 *
 * @param baseMapUrl a tile URL template ({@code https://…/{z}/{x}/{y}.png}) drawn under the grid; empty (the
 *                   default) draws the grid polygons on a plain background, which needs no tile server
 * @param baseMapAttribution the credit line the tile provider asks for
 */
@ConfigurationProperties("gridwhistle.pages")
public record PageSettings(String baseMapUrl, String baseMapAttribution) {

    public PageSettings {
        baseMapUrl = baseMapUrl == null ? "" : baseMapUrl.trim();
        baseMapAttribution = baseMapAttribution == null ? "" : baseMapAttribution.trim();
    }
}
