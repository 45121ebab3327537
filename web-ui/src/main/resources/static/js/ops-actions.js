/*
 * Case actions of the worker's and the supervisor's case pages, through the JSON API with the page's session.
 * The case's part of the page (#case-detail, data-case and data-version) is refreshed by htmx; the handlers are
 * delegated, so they keep working after each refresh. After an action the read model catches up within moments:
 * the page waits for the case's version to move, then refreshes.
 */
(function () {
    'use strict';

    function detail() { return document.getElementById('case-detail'); }

    function caseUrl(box) { return '/api/cases/' + encodeURIComponent(box.dataset.case); }

    /** Waits (up to ~15 s) until the read model shows a newer version of the case, then refreshes its part. */
    function refreshAfter(box) {
        var before = parseInt(box.dataset.version, 10);
        var tries = 0;
        function poll() {
            GW.api('GET', caseUrl(box)).then(function (c) {
                if ((c && c.version > before) || ++tries > 30) {
                    if (box.dataset.reload === 'true') { location.reload(); return; }
                    var current = detail();
                    if (current) { htmx.trigger(current, 'gw:refresh'); }
                } else {
                    setTimeout(poll, 500);
                }
            }, function () { if (++tries <= 30) { setTimeout(poll, 500); } });
        }
        poll();
    }

    function busy(root, on) {
        root.querySelectorAll('button, input, select, textarea').forEach(function (el) { el.disabled = on; });
        root.setAttribute('aria-busy', on ? 'true' : 'false');
    }

    /** Uploads the chosen photos one by one; resolves to their SHA-256 hashes. */
    function upload(files) {
        var hashes = [];
        return Array.prototype.reduce.call(files, function (chain, file) {
            return chain.then(function () {
                var form = new FormData();
                form.append('photo', file, file.name);
                return GW.api('POST', '/api/photos', form, { idempotencyKey: GW.uuid() })
                    .then(function (stored) { hashes.push(stored.sha256); });
            });
        }, Promise.resolve()).then(function () { return hashes; });
    }

    function act(box, action, body, root, done) {
        busy(root, true);
        return GW.api('POST', caseUrl(box) + '/' + action, body, { idempotencyKey: GW.uuid() })
            .then(function () {
                GW.say(done);
                refreshAfter(box);
            }, function (e) {
                GW.say(e.message, true);
                busy(root, false);
            });
    }

    document.addEventListener('click', function (event) {
        var button = event.target.closest('button.gw-action');
        if (!button) { return; }
        var box = button.closest('[data-case]');
        act(box, button.dataset.action, null, button.parentElement, button.dataset.done);
    });

    document.addEventListener('submit', function (event) {
        var form = event.target.closest('form.gw-form');
        if (!form) { return; }
        event.preventDefault();
        var box = form.closest('[data-case]');
        var body = {};
        var files = [];
        Array.prototype.forEach.call(form.elements, function (el) {
            if (!el.name) { return; }
            if (el.type === 'file') { files = files.concat(Array.prototype.slice.call(el.files)); return; }
            if (el.value.trim()) { body[el.name] = el.value.trim(); }
        });
        if (form.dataset.photos === 'required' && !files.length) {
            GW.say(form.dataset.needPhoto, true);
            return;
        }
        busy(form, true);
        upload(files).then(function (hashes) {
            if (hashes.length) { body.photos = hashes; }
            busy(form, false);
            return act(box, form.dataset.action, body, form, form.dataset.done);
        }, function (e) {
            GW.say(e.message, true);
            busy(form, false);
        });
    });

    /**
     * A live refresh of the case's part of the page comes for any case the user may see: skip it when it is
     * about another case, or while the user is filling in a form (their text would be lost).
     */
    document.addEventListener('htmx:confirm', function (event) {
        var box = event.detail.elt;
        if (!box || box.id !== 'case-detail') { return; }
        var trigger = event.detail.triggeringEvent;
        if (trigger && trigger.type === 'gw:refresh') { return; }
        var data = trigger && trigger.detail && trigger.detail.data;
        if (typeof data === 'string') {
            try {
                if (JSON.parse(data).caseId !== box.dataset.case) { event.preventDefault(); return; }
            } catch (ignored) { /* not JSON: refresh */ }
        }
        var typing = Array.prototype.some.call(box.querySelectorAll('textarea, input[type=text], input[type=file]'),
            function (el) { return el.type === 'file' ? el.files.length > 0 : el.value.trim() !== ''; });
        if (typing) { event.preventDefault(); }
    });
})();
