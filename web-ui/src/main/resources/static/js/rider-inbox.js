/* Marking the rider's notifications read. */
(function () {
    'use strict';
    document.querySelectorAll('button.mark-read').forEach(function (button) {
        button.addEventListener('click', function () {
            GW.api('POST', '/api/notifications/' + encodeURIComponent(button.dataset.id) + '/read')
                .then(function () {
                    button.closest('li').classList.add('read');
                    var badge = button.closest('li').querySelector('.badge');
                    if (badge) { badge.remove(); }
                    button.remove();
                    GW.say(button.dataset.done);
                }, function (e) { GW.say(e.message, true); });
        });
    });
})();
