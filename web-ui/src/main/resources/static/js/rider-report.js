/*
 * Filing a report from a phone. The report is first written to the phone (IndexedDB), then sent with an
 * Idempotency-Key of its own; it leaves the phone only when the server has acknowledged it. When the network is
 * down, it waits and goes when the network returns; a retry of a report that did reach the server is answered
 * with the first answer, never filed twice.
 */
(function () {
    'use strict';

    var form = document.getElementById('report');
    var msg = form.dataset;
    var DB = 'gridwhistle', STORE = 'outbox';
    var here = null;                     // {lat, lon, accuracy}
    var map, marker;

    // ---- the outbox: reports kept on the phone until acknowledged ----------------------------------------------

    var opened = null;

    /** The outbox database, opened once per page. */
    function db() {
        if (!opened) {
            opened = new Promise(function (resolve, reject) {
                var open = indexedDB.open(DB, 1);
                open.onupgradeneeded = function () { open.result.createObjectStore(STORE, { keyPath: 'key' }); };
                open.onsuccess = function () { resolve(open.result); };
                open.onerror = function () { opened = null; reject(open.error); };
            });
        }
        return opened;
    }

    function store(mode, work) {
        return db().then(function (d) {
            return new Promise(function (resolve, reject) {
                var tx = d.transaction(STORE, mode);
                var result = work(tx.objectStore(STORE));
                tx.oncomplete = function () { resolve(result && 'result' in result ? result.result : undefined); };
                tx.onerror = function () { reject(tx.error); };
            });
        });
    }

    var keep = function (draft) { return store('readwrite', function (s) { return s.put(draft); }); };
    var forget = function (key) { return store('readwrite', function (s) { return s.delete(key); }); };
    var waiting = function () { return store('readonly', function (s) { return s.getAll(); }); };

    function showWaiting() {
        return waiting().then(function (drafts) {
            var box = document.getElementById('outbox');
            box.hidden = drafts.length === 0;
            box.textContent = box.dataset.pending.replace('{0}', drafts.length);
            return drafts;
        });
    }

    function send(draft) {
        var body = new FormData();
        body.append('report', new Blob([JSON.stringify(draft.report)], { type: 'application/json' }));
        if (draft.photo) { body.append('photo', draft.photo, draft.photoName || 'photo.jpg'); }
        return GW.api('POST', '/api/reports', body, { idempotencyKey: draft.key });
    }

    /** A refusal that a later try would get again: the report cannot be filed as it is. */
    function final(error) {
        return error instanceof GW.Problem && error.status >= 400 && error.status < 500
            && [408, 409, 425, 429].indexOf(error.status) < 0;
    }

    var flushing = false;

    /** Sends what waits on the phone, oldest first; stops at the first network failure. */
    function flush() {
        if (flushing) { return Promise.resolve(); }
        flushing = true;
        return waiting().then(function (drafts) {
            drafts.sort(function (a, b) { return a.createdAt < b.createdAt ? -1 : 1; });
            return drafts.reduce(function (previous, draft) {
                return previous.then(function (goOn) {
                    if (!goOn) { return false; }
                    return send(draft).then(function (receipt) {
                        return forget(draft.key).then(function () { acknowledged(receipt); return true; });
                    }, function (error) {
                        if (final(error)) {
                            return forget(draft.key).then(function () { GW.say(error.message, true); return true; });
                        }
                        return false;
                    });
                });
            }, Promise.resolve(true));
        }).then(showWaiting, showWaiting).then(function () { flushing = false; }, function () { flushing = false; });
    }

    function acknowledged(receipt) {
        var box = document.getElementById('receipt');
        box.hidden = false;
        box.textContent = '';
        var p = document.createElement('p');
        p.className = 'ok';
        p.textContent = msg.msgSent;
        box.appendChild(p);
        if (receipt && receipt.caseId) {
            var a = document.createElement('a');
            a.href = '/rider/cases/' + encodeURIComponent(receipt.caseId);
            a.textContent = msg.msgOpenCase;
            a.className = 'button';
            box.appendChild(a);
        }
        GW.say(msg.msgSent, false);
        box.scrollIntoView({ block: 'center' });
    }

    window.addEventListener('online', flush);
    setInterval(function () { if (navigator.onLine) { flush(); } }, 20000);

    // ---- the photo: made smaller on the phone, so it goes quickly on a slow network ------------------------------

    var photoInput = document.getElementById('photo');
    var preview = document.getElementById('photo-preview');
    var photoTakenAt = null;

    function shrink(file) {
        if (!file || !window.createImageBitmap) { return Promise.resolve(file); }
        return createImageBitmap(file).then(function (bitmap) {
            var scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height));
            if (scale === 1 && file.size < 1500000) { return file; }
            var canvas = document.createElement('canvas');
            canvas.width = Math.round(bitmap.width * scale);
            canvas.height = Math.round(bitmap.height * scale);
            canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
            return new Promise(function (resolve) {
                canvas.toBlob(function (blob) { resolve(blob || file); }, 'image/jpeg', 0.82);
            });
        }).catch(function () { return file; });
    }

    photoInput.addEventListener('change', function () {
        var file = photoInput.files[0];
        photoTakenAt = new Date().toISOString();
        if (!file) { preview.hidden = true; return; }
        preview.src = URL.createObjectURL(file);
        preview.hidden = false;
    });

    // ---- where: the phone's position, corrected on the map --------------------------------------------------------

    function place(lat, lon, accuracy) {
        here = { lat: lat, lon: lon, accuracy: accuracy };
        document.getElementById('lat').value = lat.toFixed(6);
        document.getElementById('lon').value = lon.toFixed(6);
        var text = msg.msgLocated.replace('{0}', lat.toFixed(5)).replace('{1}', lon.toFixed(5));
        if (accuracy) { text += ' (±' + Math.round(accuracy) + ' m)'; }
        document.getElementById('where-text').textContent = text;
        if (map) {
            if (!marker) {
                marker = L.marker([lat, lon], { draggable: true, keyboard: true, title: text }).addTo(map);
                marker.on('dragend', function () {
                    var p = marker.getLatLng();
                    place(p.lat, p.lng, null);
                });
            } else {
                marker.setLatLng([lat, lon]);
            }
            map.setView([lat, lon], Math.max(map.getZoom(), 16));
        }
        lookNearby();
    }

    function locate() {
        if (!navigator.geolocation) {
            document.getElementById('where-text').textContent = msg.msgNoLocation;
            return;
        }
        navigator.geolocation.getCurrentPosition(function (p) {
            place(p.coords.latitude, p.coords.longitude, p.coords.accuracy);
        }, function () {
            document.getElementById('where-text').textContent = msg.msgNoLocation;
        }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 30000 });
    }

    document.getElementById('locate').addEventListener('click', locate);

    // ---- the category: tap a picture, or type a few characters ---------------------------------------------------

    var search = document.getElementById('category-search');
    search.addEventListener('input', function () {
        var words = search.value.trim().toLowerCase();
        document.querySelectorAll('#category-list li').forEach(function (li) {
            li.hidden = words !== '' && li.dataset.names.toLowerCase().indexOf(words) < 0;
        });
    });
    form.addEventListener('change', function (e) {
        if (e.target.name === 'categoryCode') { lookNearby(); }
    });

    function category() {
        var checked = form.querySelector('input[name=categoryCode]:checked');
        return checked ? checked.value : null;
    }

    // ---- nearby open cases: follow instead of reporting again ------------------------------------------------------

    function lookNearby() {
        if (!here || !navigator.onLine) { return; }
        var url = '/api/reports/nearby?radius=300&lat=' + here.lat + '&lon=' + here.lon
            + (category() ? '&category=' + encodeURIComponent(category()) : '');
        GW.api('GET', url).then(function (nearby) {
            var section = document.getElementById('nearby');
            var list = document.getElementById('nearby-list');
            list.textContent = '';
            (nearby.cases || []).slice(0, 5).forEach(function (n) {
                var li = document.createElement('li');
                var title = document.createElement('strong');
                title.textContent = (GW.lang.indexOf('en') === 0 ? n.view.categoryEn : n.view.categoryZh) + ' · '
                    + msg.msgMetres.replace('{0}', n.distanceMeters);
                var text = document.createElement('p');
                text.className = 'meta';
                text.textContent = n.view.description || '';
                var follow = document.createElement('button');
                follow.type = 'button';
                follow.textContent = msg.msgFollow;
                follow.addEventListener('click', function () {
                    GW.api('POST', '/api/cases/' + encodeURIComponent(n.view.caseId) + '/follow', null,
                        { idempotencyKey: GW.uuid() })
                        .then(function () { follow.disabled = true; follow.textContent = msg.msgFollowed; GW.say(msg.msgFollowed); },
                              function (e) { GW.say(e.message, true); });
                });
                li.append(title, text, follow);
                list.appendChild(li);
            });
            section.hidden = list.children.length === 0;
        }, function () { /* nearby cases are a help, not a need */ });
    }

    // ---- sending ---------------------------------------------------------------------------------------------------

    form.addEventListener('submit', function (event) {
        event.preventDefault();
        var code = category();
        if (!code) { GW.say(msg.msgMissingCategory, true); document.getElementById('category-search').focus(); return; }
        if (!here) { GW.say(msg.msgMissingLocation, true); document.getElementById('locate').focus(); return; }
        var description = document.getElementById('description').value.trim();
        if (!description) {
            description = form.querySelector('label[for="cat-' + code + '"]').textContent.trim();
        }
        var button = document.getElementById('submit');
        button.disabled = true;
        shrink(photoInput.files[0]).then(function (photo) {
            var draft = {
                key: GW.uuid(),
                createdAt: new Date().toISOString(),
                report: {
                    categoryCode: code, lat: here.lat, lon: here.lon, description: description,
                    address: document.getElementById('address').value.trim() || null,
                    deviceTime: photoTakenAt || new Date().toISOString()
                },
                photo: photo || null,
                photoName: photo && photo.type === 'image/jpeg' ? 'photo.jpg' : (photoInput.files[0] || {}).name
            };
            // kept on the phone first: from here on, closing the page or losing the network loses nothing
            return keep(draft).then(function () {
                form.reset();
                preview.hidden = true;
                photoTakenAt = null;
                if (here) { place(here.lat, here.lon, here.accuracy); }
                return showWaiting();
            }).then(function () {
                if (!navigator.onLine) { GW.say(msg.msgQueued, false); return; }
                return flush().then(showWaiting).then(function (left) {
                    if (left.some(function (d) { return d.key === draft.key; })) { GW.say(msg.msgQueued, false); }
                });
            });
        }).catch(function (e) {
            GW.say(e.message, true);
        }).then(function () { button.disabled = false; });
    });

    // ---- start -------------------------------------------------------------------------------------------------------

    var mapElement = document.getElementById('report-map');
    var made = GWMap.create(mapElement, { grid: true, fit: false });
    map = made.map;
    map.on('click', function (e) { place(e.latlng.lat, e.latlng.lng, null); });
    locate();
    showWaiting().then(function (drafts) { if (drafts.length && navigator.onLine) { flush(); } });
})();
