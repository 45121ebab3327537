/* The worker's cells on a map, their open cases pinned (red: overdue), the other cells on request. */
(function () {
    'use strict';
    var element = document.getElementById('worker-map');
    var onlyMine = document.getElementById('only-mine');
    var made = null;

    function draw() {
        if (made) { made.map.remove(); }
        made = GWMap.create(element, { onlyMine: onlyMine.checked });
        var points = [];
        document.querySelectorAll('#map-cases li[data-lat]').forEach(function (li) {
            var late = li.dataset.due && new Date(li.dataset.due).getTime() < Date.now();
            var p = [parseFloat(li.dataset.lat), parseFloat(li.dataset.lon)];
            points.push(p);
            GWMap.pin(made.pins, p[0], p[1], li.dataset.name + ' · ' + li.dataset.status, late ? '#b3261e' : '#0b5cad', li.dataset.href);
        });
        made.grid.then(function (layer) {
            if ((!layer || !layer.getLayers().length) && points.length) {
                made.map.fitBounds(points, { padding: [30, 30], maxZoom: 17 });
            }
        });
    }

    onlyMine.addEventListener('change', draw);
    draw();
})();
