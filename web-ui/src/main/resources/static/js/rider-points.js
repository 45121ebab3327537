/* The name the rider shows on the leaderboard (empty: not on it). */
(function () {
    'use strict';
    var form = document.getElementById('leaderboard-name');
    form.addEventListener('submit', function (event) {
        event.preventDefault();
        var name = document.getElementById('display-name').value.trim();
        GW.api('PUT', '/api/riders/me/leaderboard-name', { displayName: name || null })
            .then(function () { GW.say(form.dataset.saved); }, function (e) { GW.say(e.message, true); });
    });
})();
