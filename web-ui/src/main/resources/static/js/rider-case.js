/* The rider confirms (or not) that the hazard they reported is fixed. */
(function () {
    'use strict';
    var box = document.querySelector('#confirm .row');
    if (!box) { return; }
    box.querySelectorAll('button[data-fixed]').forEach(function (button) {
        button.addEventListener('click', function () {
            box.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
            GW.api('POST', '/api/cases/' + encodeURIComponent(box.dataset.case) + '/verify',
                { fixed: button.dataset.fixed === 'true' }, { idempotencyKey: GW.uuid() })
                .then(function () {
                    GW.say(box.dataset.thanks);
                    // the page looks again until the case has moved on
                    location.replace(location.pathname + '?verified=1');
                }, function (e) {
                    GW.say(e.message, true);
                    box.querySelectorAll('button').forEach(function (b) { b.disabled = false; });
                });
        });
    });
})();
