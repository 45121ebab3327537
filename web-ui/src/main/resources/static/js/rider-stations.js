/* The nearest rider stations to where the phone is, listed by the server and pinned on the map. */
(function () {
    'use strict';
    var made = GWMap.create(document.getElementById('stations-map'), { grid: false });
    var box = document.getElementById('stations');
    var where = document.getElementById('stations-where');

    function pinAll(lat, lon) {
        made.pins.clearLayers();
        var bounds = [[lat, lon]];
        GWMap.pin(made.pins, lat, lon, '📍', '#b3261e');
        box.querySelectorAll('li[data-lat]').forEach(function (li) {
            var p = [parseFloat(li.dataset.lat), parseFloat(li.dataset.lon)];
            bounds.push(p);
            GWMap.pin(made.pins, p[0], p[1], li.dataset.name, '#1a6b35');
        });
        made.map.fitBounds(bounds, { padding: [20, 20], maxZoom: 16 });
    }

    function show(lat, lon) {
        where.textContent = lat.toFixed(5) + ', ' + lon.toFixed(5);
        htmx.ajax('GET', '/rider/stations/nearest?lat=' + lat + '&lon=' + lon,
            { target: '#station-list', swap: 'outerHTML' }).then(function () { pinAll(lat, lon); });
    }

    if (!navigator.geolocation) { where.textContent = box.dataset.noLocation; return; }
    navigator.geolocation.getCurrentPosition(function (p) { show(p.coords.latitude, p.coords.longitude); },
        function () { where.textContent = box.dataset.noLocation; }, { timeout: 15000, maximumAge: 60000 });
})();
