/* The grid page: a GeoJSON file is read in the browser and sent as JSON; the map shows the uploaded cells once the
   grid's read model has them all (it follows the events within a moment), then the table of cells is read again. */
(function () {
    'use strict';
    var mapElement = document.getElementById('admin-map');
    var made = GWMap.create(mapElement, {});
    var form = document.getElementById('grid-upload');
    var result = document.getElementById('grid-result');
    var highlight = null;

    form.addEventListener('gw:payload', function (event) {
        var file = form.querySelector('input[type=file]').files[0];
        event.detail.body = new Promise(function (resolve, reject) {
            if (!file) { reject(new Error(form.dataset.msgUnreadable)); return; }
            var reader = new FileReader();
            reader.onload = function () {
                try { resolve(JSON.parse(reader.result)); } catch (e) { reject(new Error(form.dataset.msgUnreadable)); }
            };
            reader.onerror = function () { reject(new Error(form.dataset.msgUnreadable)); };
            reader.readAsText(file);
        });
    });

    function drawUntilShown(codes, tries) {
        return fetch('/grid.geojson', { credentials: 'same-origin' }).then(function (r) { return r.json(); })
            .then(function (geojson) {
                var wanted = geojson.features.filter(function (f) { return codes.indexOf(f.properties.code) >= 0; });
                if (wanted.length < codes.length && tries > 1) {
                    return new Promise(function (resolve) { setTimeout(resolve, 400); })
                        .then(function () { return drawUntilShown(codes, tries - 1); });
                }
                made.grid.then(function (layer) { if (layer) { layer.clearLayers(); layer.addData(geojson); } });
                if (highlight) { made.map.removeLayer(highlight); }
                highlight = L.geoJSON({ type: 'FeatureCollection', features: wanted }, {
                    style: { color: '#b3261e', weight: 3, fillOpacity: 0.2 },
                    onEachFeature: function (f, l) { l.bindTooltip(f.properties.name + ' · ' + f.properties.code); }
                }).addTo(made.map);
                if (wanted.length) { made.map.fitBounds(highlight.getBounds(), { maxZoom: 17 }); }
                mapElement.dataset.shown = wanted.map(function (f) { return f.properties.code; }).join(' ');
                // the grid's read model has every uploaded cell now: the table of cells can be read again
                return htmx.ajax('GET', '/admin/grid/cells', { target: '#cells', swap: 'outerHTML' });
            });
    }

    document.addEventListener('gw:changed', function (event) {
        if (event.detail.source !== form || !event.detail.answer) { return; }
        var a = event.detail.answer;
        result.textContent = form.dataset.msgResult.replace('{0}', a.defined).replace('{1}', a.redrawn)
            .replace('{2}', a.unchanged);
        drawUntilShown(a.cellCodes, 20);
    });
})();
