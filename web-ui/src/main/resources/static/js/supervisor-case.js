/*
 * The audit timeline's "as of" slider: the entries after the chosen one are dimmed at once; the case's state at
 * that moment is fetched by htmx when the slider is let go (each such look is recorded on the case).
 */
(function () {
    'use strict';
    var slider = document.getElementById('as-of');
    var when = document.getElementById('as-of-when');
    if (!slider) { return; }

    function dim() {
        var chosen = parseInt(slider.value, 10);
        document.querySelectorAll('#timeline li[data-seq]').forEach(function (li) {
            var later = parseInt(li.dataset.seq, 10) > chosen;
            li.classList.toggle('later', later);
            if (parseInt(li.dataset.seq, 10) === chosen) {
                when.textContent = li.dataset.when;
                slider.setAttribute('aria-valuetext', li.dataset.when + ' · ' + li.querySelector('strong').textContent);
            }
        });
    }

    slider.addEventListener('input', dim);
    dim();
})();
