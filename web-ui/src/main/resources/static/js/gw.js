/*
 * GridWhistle pages: the few things every page's script needs. Calls go to the same JSON API the apps use, with
 * the page's session and its CSRF token; refusals arrive as problem details and are read out in #gw-status.
 */
(function () {
    'use strict';

    function meta(name) {
        var el = document.querySelector('meta[name="' + name + '"]');
        return el ? el.getAttribute('content') : null;
    }

    var lang = meta('gw-lang') || 'zh-CN';
    var CITY = 'Asia/Shanghai';

    /** A refusal of the API: its problem detail is kept for the caller. */
    function Problem(status, body) {
        this.status = status;
        this.problem = body || {};
        this.message = describe(this.problem) || ('HTTP ' + status);
    }
    Problem.prototype = Object.create(Error.prototype);

    function describe(problem) {
        var text = problem.detail || problem.title || '';
        if (Array.isArray(problem.errors) && problem.errors.length) {
            text += ' (' + problem.errors.map(function (e) { return e.field + ': ' + e.reason; }).join('; ') + ')';
        }
        return text;
    }

    function headers(extra) {
        var h = { 'Accept': 'application/json' };
        var csrf = meta('_csrf');
        if (csrf) { h[meta('_csrf_header') || 'X-CSRF-TOKEN'] = csrf; }
        Object.keys(extra || {}).forEach(function (k) { if (extra[k] != null) { h[k] = extra[k]; } });
        return h;
    }

    /**
     * Calls the API. body: a plain object (sent as JSON) or FormData (multipart). Resolves to the parsed JSON (or
     * null for 204); rejects with a Problem for a refusal, or a TypeError when the network is down.
     */
    function api(method, path, body, options) {
        options = options || {};
        var extra = { 'Idempotency-Key': options.idempotencyKey, 'If-Match': options.ifMatch };
        var init = { method: method, credentials: 'same-origin', headers: headers(extra) };
        if (body instanceof FormData) {
            init.body = body;
        } else if (body !== undefined && body !== null) {
            init.headers['Content-Type'] = 'application/json';
            init.body = JSON.stringify(body);
        }
        return fetch(path, init).then(function (response) {
            var type = response.headers.get('Content-Type') || '';
            var parsed = response.status === 204 ? Promise.resolve(null)
                : (type.indexOf('json') >= 0 ? response.json() : response.text());
            return parsed.then(function (data) {
                if (!response.ok) { throw new Problem(response.status, typeof data === 'object' ? data : { detail: data }); }
                return data;
            });
        });
    }

    function say(text, problem) {
        var status = document.getElementById('gw-status');
        if (!status) { return; }
        status.classList.toggle('problem', !!problem);
        status.textContent = text || '';
    }

    function uuid() {
        if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
        var b = new Uint8Array(16);
        crypto.getRandomValues(b);
        b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
        var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join('');
        return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
    }

    var dateTime = new Intl.DateTimeFormat(lang, { timeZone: CITY, dateStyle: 'medium', timeStyle: 'short' });
    var relative = new Intl.RelativeTimeFormat(lang, { numeric: 'always' });

    function when(iso) { return iso ? dateTime.format(new Date(iso)) : ''; }

    /** "in 3 hours" / "20 minutes ago", in the page's language. */
    function fromNow(iso) {
        var seconds = (new Date(iso).getTime() - Date.now()) / 1000;
        var abs = Math.abs(seconds);
        if (abs < 3600) { return relative.format(Math.round(seconds / 60), 'minute'); }
        if (abs < 48 * 3600) { return relative.format(Math.round(seconds / 3600), 'hour'); }
        return relative.format(Math.round(seconds / 86400), 'day');
    }

    /**
     * Countdowns: every .due[data-due] says how long is left; amber once the step's warning has fired (80 % of its
     * time, data-warned) or less than a fifth of it is left (data-start), red once it is past due.
     */
    function tick() {
        document.querySelectorAll('.due[data-due]').forEach(function (el) {
            var due = new Date(el.dataset.due).getTime();
            var now = Date.now();
            var start = el.dataset.start ? new Date(el.dataset.start).getTime() : null;
            var late = now > due;
            var amber = !late && (el.dataset.warned === 'true' || (start !== null && (due - now) < (due - start) / 5));
            el.classList.toggle('red', late);
            el.classList.toggle('amber', amber);
            el.textContent = fromNow(el.dataset.due);
            el.title = when(el.dataset.due);
        });
        document.querySelectorAll('time[data-local]').forEach(function (el) {
            el.textContent = when(el.getAttribute('datetime'));
        });
    }

    document.addEventListener('DOMContentLoaded', tick);
    document.addEventListener('htmx:afterSettle', tick);
    setInterval(tick, 30000);

    // htmx requests carry the CSRF token too
    document.addEventListener('htmx:configRequest', function (event) {
        var csrf = meta('_csrf');
        if (csrf) { event.detail.headers[meta('_csrf_header') || 'X-CSRF-TOKEN'] = csrf; }
    });
    document.addEventListener('htmx:responseError', function (event) {
        var xhr = event.detail.xhr;
        var text;
        try { text = describe(JSON.parse(xhr.responseText)); } catch (e) { text = xhr.statusText; }
        say(text || ('HTTP ' + xhr.status), true);
    });

    window.GW = { api: api, say: say, uuid: uuid, when: when, fromNow: fromNow, lang: lang, Problem: Problem,
                  describe: describe, tick: tick };
})();
