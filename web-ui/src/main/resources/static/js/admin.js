/*
 * The administrators' pages: every change is a call to the JSON API made by a form or a button that says how.
 *   <form data-api="POST /api/admin/accounts" data-refresh="/admin/accounts/list" data-target="#accounts"
 *         data-done="Saved">   fields: name="a.b" nests, type=number → number, type=checkbox → boolean,
 *                              data-list → a list split at spaces and commas; empty fields are left out.
 *   <button data-api="POST /api/admin/accounts/x/disable" data-refresh=… data-target=… data-done=…>
 * data-show="apiKey" data-show-in="#id": the answer's field is shown there (a secret shown once).
 * data-await: the list is eventually consistent; refresh it until it changes (a few seconds at most).
 * After a change the page dispatches "gw:changed" with the answer, for page scripts (the grid map).
 */
(function () {
    'use strict';

    function value(el) {
        if (el.type === 'checkbox') { return el.checked; }
        var text = (el.value || '').trim();
        if (text === '') { return undefined; }
        if (el.type === 'number') { return Number(text); }
        if (el.hasAttribute('data-list')) { return text.split(/[\s,，、;；]+/).filter(function (s) { return s; }); }
        return text;
    }

    function body(form) {
        var out = {};
        Array.prototype.forEach.call(form.elements, function (el) {
            if (!el.name || el.disabled || el.type === 'submit' || el.type === 'button' || el.type === 'file') { return; }
            var v = value(el);
            if (v === undefined) { return; }
            var keys = el.name.split('.');
            var at = out;
            keys.slice(0, -1).forEach(function (k) { at = at[k] = at[k] || {}; });
            at[keys[keys.length - 1]] = v;
        });
        return out;
    }

    function refresh(source) {
        var url = source.dataset.refresh;
        var target = source.dataset.target;
        if (!url || !target) { return Promise.resolve(); }
        function text() { return (document.querySelector(target) || {}).textContent; }
        var before = text();
        var tries = source.hasAttribute('data-await') ? 20 : 1;
        function once(left) {
            return htmx.ajax('GET', url, { target: target, swap: 'outerHTML' }).then(function () {
                if (text() === before && left > 1) {
                    return new Promise(function (resolve) { setTimeout(resolve, 400); })
                        .then(function () { return once(left - 1); });
                }
            });
        }
        return once(tries);
    }

    function showProblem(form, problem) {
        GW.say(problem.message || String(problem), true);
        if (!form || !problem.problem || !Array.isArray(problem.problem.errors)) { return; }
        problem.problem.errors.forEach(function (e) {
            var field = form.querySelector('[name="' + e.field + '"]');
            if (field) { field.setAttribute('aria-invalid', 'true'); }
        });
        var first = form.querySelector('[aria-invalid="true"]');
        if (first) { first.focus(); }
    }

    function run(source, payload, form) {
        var parts = source.dataset.api.split(' ');
        var method = parts[0];
        var path = parts[1];
        if (source.dataset.confirm && !window.confirm(source.dataset.confirm)) { return; }
        var busy = form ? form.querySelector('[type=submit]') : source;
        if (busy) { busy.disabled = true; }
        if (form) { form.querySelectorAll('[aria-invalid]').forEach(function (f) { f.removeAttribute('aria-invalid'); }); }
        var options = method === 'POST' ? { idempotencyKey: GW.uuid() } : {};
        GW.api(method, path, payload, options).then(function (answer) {
            if (source.dataset.show && answer) {
                var box = document.querySelector(source.dataset.showIn);
                box.querySelector('output, code').textContent = answer[source.dataset.show];
                box.hidden = false;
            }
            GW.say(source.dataset.done || '');
            document.dispatchEvent(new CustomEvent('gw:changed', { detail: { source: source, answer: answer } }));
            if (form && form.hasAttribute('data-reset')) { form.reset(); }
            return refresh(source);
        }).catch(function (problem) {
            showProblem(form, problem);
        }).then(function () {
            if (busy && document.body.contains(busy)) { busy.disabled = false; }
        });
    }

    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (!form.dataset || !form.dataset.api) { return; }
        event.preventDefault();
        var before = new CustomEvent('gw:payload', { cancelable: true, detail: { form: form, body: body(form) } });
        form.dispatchEvent(before);
        Promise.resolve(before.detail.body).then(function (payload) { run(form, payload, form); })
            .catch(function (problem) { showProblem(form, problem); });
    });

    document.addEventListener('click', function (event) {
        var button = event.target.closest('button[data-api]');
        if (!button || button.form && button.form.dataset.api) { return; }
        event.preventDefault();
        run(button, null, null);
    });

    window.GWAdmin = { body: body, refresh: refresh };
})();
