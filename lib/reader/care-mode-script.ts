// 长辈模式 (care mode) is kept in the reader's own browser (localStorage), never on the server, so every
// reader page stays one cacheable copy for everyone. This script is written inline, with the response's
// CSP nonce, as the first thing inside the reader layout: it sets `data-care` on <html> before anything
// of the page is parsed, so the first paint already has the mode (no flash of the normal layout). It
// also owns the switch: a click on any [data-care-toggle] button (delegated on the document, so it works
// before React hydrates and needs no client component) flips the mode, stores it and sets aria-pressed.
// ES5 on purpose: it runs before anything else, in every browser a reader may have.

/** The localStorage key: '1' on, '0' (or nothing) off. */
export const CARE_MODE_KEY = 'kecheng-reader-care';

/** The attribute on <html> that globals.css and the `care:` variant read. */
export const CARE_MODE_ATTRIBUTE = 'data-care';

export const CARE_MODE_SCRIPT = `(function () {
  var KEY = '${CARE_MODE_KEY}';
  var root = document.documentElement;
  function stored() {
    try { return window.localStorage.getItem(KEY) === '1'; } catch (error) { return false; }
  }
  var on = stored();
  function apply() {
    if (on) root.setAttribute('${CARE_MODE_ATTRIBUTE}', ''); else root.removeAttribute('${CARE_MODE_ATTRIBUTE}');
    var buttons = document.querySelectorAll('[data-care-toggle]');
    for (var i = 0; i < buttons.length; i++) buttons[i].setAttribute('aria-pressed', on ? 'true' : 'false');
  }
  apply();
  // The switch is parsed after this script: mark its state once it exists.
  document.addEventListener('DOMContentLoaded', apply);
  // Switched in another tab, or this page restored from the back-forward cache after a switch elsewhere.
  window.addEventListener('storage', function (event) { if (event.key === KEY) { on = event.newValue === '1'; apply(); } });
  window.addEventListener('pageshow', function (event) { if (event.persisted) { on = stored(); apply(); } });
  document.addEventListener('click', function (event) {
    var target = event.target;
    var button = target && target.closest ? target.closest('[data-care-toggle]') : null;
    if (!button) return;
    on = !on;
    try { window.localStorage.setItem(KEY, on ? '1' : '0'); } catch (error) { /* storage refused: this page only */ }
    apply();
  });
})();`;
