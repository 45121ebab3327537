/*
 * The dashboard's charts (Chart.js) and heat map (Leaflet over the grid), drawn from the figures the server put in
 * #dashboard-data; redrawn whenever the figures are fetched again, which the live stream asks for.
 */
(function () {
    'use strict';
    var charts = [];
    var heat = null;
    var drawnFrom = null;
    var COLOURS = ['#0b5cad', '#1a6b35', '#8a4b00', '#b3261e'];

    function labels(canvas) { return (canvas.dataset.labels || '').split(';'); }

    function name(unit) { return unit.unitName || unit.unitCode; }

    function bar(canvas, units, fields, percent) {
        var names = labels(canvas);
        return new Chart(canvas, {
            type: 'bar',
            data: {
                labels: units.map(name),
                datasets: fields.map(function (f, i) {
                    return { label: names[i], backgroundColor: COLOURS[i],
                             data: units.map(function (u) { var v = u[f]; return v == null ? null : (percent ? Math.round(v * 1000) / 10 : v); }) };
                })
            },
            options: { responsive: true, animation: false, scales: { y: { beginAtZero: true, max: percent ? 100 : undefined } } }
        });
    }

    function draw() {
        charts.forEach(function (c) { c.destroy(); });
        charts = [];
        var source = document.getElementById('dashboard-data');
        drawnFrom = source;
        if (!source) { return; }
        var data = JSON.parse(source.textContent);
        var trend = document.getElementById('chart-trend');
        var names = labels(trend);
        charts.push(new Chart(trend, {
            type: 'line',
            data: {
                labels: data.trend.map(function (p) { return p.start; }),
                datasets: ['reported', 'registered', 'closed'].map(function (f, i) {
                    return { label: names[i], borderColor: COLOURS[i], backgroundColor: COLOURS[i], tension: 0.2,
                             data: data.trend.map(function (p) { return p[f]; }) };
                })
            },
            options: { responsive: true, animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
        }));
        charts.push(bar(document.getElementById('chart-category'), data.byCategory.slice(0, 15), ['reported', 'closed'], false));
        charts.push(bar(document.getElementById('chart-unit'), data.byUnit.slice(0, 15), ['closingRate', 'onTimeClosingRate'], true));
        drawHeat(data.heatmap);
    }

    function drawHeat(tiles) {
        var element = document.getElementById('heatmap');
        if (heat) { heat.map.remove(); }
        heat = GWMap.create(element, { fit: !tiles.length });
        var max = tiles.reduce(function (m, t) { return Math.max(m, t.cases); }, 1);
        var bounds = [];
        tiles.forEach(function (t) {
            bounds.push([t.lat, t.lon]);
            L.circleMarker([t.lat, t.lon], { radius: 8 + 22 * (t.cases / max), color: '#8a1c15', weight: 1,
                                             fillColor: '#b3261e', fillOpacity: 0.25 + 0.5 * (t.cases / max) })
                .bindTooltip(t.cases + ' ' + element.dataset.cases).addTo(heat.pins);
        });
        if (bounds.length) { heat.map.fitBounds(bounds, { padding: [40, 40], maxZoom: 16 }); }
    }

    // the live stream says figures changed: fetch them again, at most once every two seconds
    var pending = null;
    function refresh() {
        if (pending) { return; }
        pending = setTimeout(function () {
            pending = null;
            var box = document.getElementById('dashboard-figures');
            htmx.ajax('GET', box.dataset.src, { target: '#dashboard-figures', swap: 'outerHTML' });
        }, 2000);
    }
    if (window.EventSource) {
        var stream = new EventSource('/api/stream/dashboard');
        stream.addEventListener('changed', refresh);
    }
    document.addEventListener('htmx:afterSettle', function () {
        if (document.getElementById('dashboard-data') !== drawnFrom) { draw(); }
    });
    draw();
})();
