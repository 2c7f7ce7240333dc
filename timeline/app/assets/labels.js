/* Accessible names for inputs that Dash components render without one (the upload's
   hidden file input). Runs on every change of the page, since Dash draws it late. */
(function () {
  var NAMES = {"#add-upload input[type=file]": "Choose article files to add"};
  function label() {
    Object.keys(NAMES).forEach(function (sel) {
      document.querySelectorAll(sel).forEach(function (el) {
        if (!el.getAttribute("aria-label")) el.setAttribute("aria-label", NAMES[sel]);
      });
    });
  }
  new MutationObserver(label).observe(document.documentElement, {childList: true, subtree: true});
})();
