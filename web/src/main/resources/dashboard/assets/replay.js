// Session replay page: the arrow, Home and End keys follow the step links (no inline script, CSP).
(function () {
  'use strict';
  var keys = { ArrowLeft: 'replay-prev', ArrowRight: 'replay-next', Home: 'replay-first', End: 'replay-last' };
  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) {
      return;
    }
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName))) {
      return;
    }
    var id = keys[e.key];
    var link = id && document.getElementById(id);
    if (link && link.tagName === 'A') {
      e.preventDefault();
      window.location.assign(link.href);
    }
  });
})();
