/* The header's menu on small screens (templates/base.html) is a <details>
   disclosure that opens and closes without JavaScript. This adds what a
   keyboard user expects of a menu: Escape closes it and puts the focus back
   on its button, so the focus is not lost in content that just disappeared. */
(function () {
  "use strict";

  var menu = document.querySelector(".site-menu");
  if (!menu) {
    return;
  }
  var toggle = menu.querySelector(".site-menu__toggle");

  menu.addEventListener("keydown", function (event) {
    // Wide screens show the menu's content openly and no button to return to.
    if (event.key !== "Escape" || !menu.open || !toggle.getClientRects().length) {
      return;
    }
    menu.open = false;
    toggle.focus();
    event.preventDefault();
  });
})();
