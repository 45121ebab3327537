/*
 * Maps without a tile server: the grid's polygons (GET /grid.geojson) on a plain background, or over base tiles
 * when the page names a tile URL (data-base-map on the map element, from the setting gridwhistle.pages.base-map-url).
 */
(function () {
    'use strict';

    var CHENGDU = [30.66, 104.06];

    /**
     * GWMap.create(element, {grid: true, onlyMine: false}) → {map, grid (a promise of the grid layer), pins}.
     * Cells that are the signed-in worker's own are drawn stronger.
     */
    function create(element, options) {
        options = options || {};
        var map = L.map(element, { zoomControl: true, attributionControl: !!element.dataset.baseMap });
        map.setView(CHENGDU, 12);
        if (element.dataset.baseMap) {
            L.tileLayer(element.dataset.baseMap, { attribution: element.dataset.baseMapAttribution || '', maxZoom: 19 })
                .addTo(map);
        }
        var pins = L.layerGroup().addTo(map);
        var grid = options.grid === false ? Promise.resolve(null) : fetch('/grid.geojson', { credentials: 'same-origin' })
            .then(function (r) { return r.json(); })
            .then(function (geojson) {
                var layer = L.geoJSON(geojson, {
                    filter: function (f) { return !options.onlyMine || f.properties.mine; },
                    style: function (f) {
                        return f.properties.mine ? { color: '#0b5cad', weight: 2, fillOpacity: 0.18 }
                            : { color: '#4a5563', weight: 1, fillOpacity: 0.05 };
                    },
                    onEachFeature: function (f, l) {
                        l.bindTooltip(f.properties.name + ' · ' + f.properties.code);
                    }
                }).addTo(map);
                if (layer.getLayers().length && options.fit !== false) { map.fitBounds(layer.getBounds()); }
                return layer;
            });
        return { map: map, grid: grid, pins: pins };
    }

    /** A round pin in a colour by state (no marker images needed), with a popup of safe text. */
    function pin(layer, lat, lon, text, colour, href) {
        var marker = L.circleMarker([lat, lon], { radius: 9, color: '#1b1f24', weight: 1, fillColor: colour || '#0b5cad',
                                                  fillOpacity: 0.9 });
        var body = document.createElement('div');
        if (href) {
            var a = document.createElement('a');
            a.href = href;
            a.textContent = text;
            body.appendChild(a);
        } else {
            body.textContent = text;
        }
        marker.bindPopup(body);
        marker.addTo(layer);
        return marker;
    }

    window.GWMap = { create: create, pin: pin, CHENGDU: CHENGDU };
})();
