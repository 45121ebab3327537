/* The worker's inbox: going on and off duty. */
(function () {
    'use strict';
    var box = document.getElementById('duty');
    var button = document.getElementById('duty-toggle');
    if (!box || !button) { return; }
    button.addEventListener('click', function () {
        var goingOn = button.dataset.onDuty !== 'true';
        button.disabled = true;
        GW.api('POST', '/api/workers/' + encodeURIComponent(box.dataset.worker) + (goingOn ? '/on-duty' : '/off-duty'))
            .then(function () {
                GW.say(goingOn ? box.dataset.on : box.dataset.off);
                location.reload();
            }, function (e) {
                GW.say(e.message, true);
                button.disabled = false;
            });
    });
})();
