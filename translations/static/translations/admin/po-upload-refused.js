/*
 * wagtail-localize's translation editor always offers "Upload PO file". The project's
 * upload refuses it to a translator for a translation they may not work on (one made from
 * a language other than Swedish: translations/translator_permissions.py, may_work_on).
 * This script is included only then, and takes the upload panel away after each render
 * of the editor, so no button leads to "not allowed".
 */
(function () {
  "use strict";

  function hide(root) {
    root.querySelectorAll("form[enctype='multipart/form-data']").forEach(function (form) {
      if (!/\/po\/upload\/|\/pofile\/upload\//.test(form.getAttribute("action") || "")) {
        return;
      }
      var panel = form.closest(".w-tabs__panel") || form.parentElement;
      if (panel && !panel.hidden) {
        panel.hidden = true;
      }
    });
  }

  function start() {
    var root = document.querySelector(".js-translation-editor");
    if (!root) {
      return;
    }
    hide(root);
    new MutationObserver(function () {
      hide(root);
    }).observe(root, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
