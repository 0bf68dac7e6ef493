// boardroom: the theme's one menu ("Download this page") without Bootstrap's
// script, which is 23 kB gzipped on every page and did nothing else the book
// uses (its tooltips repeat each button's title, which the browser shows).
(function () {
  "use strict";
  const TOGGLE = '[data-bs-toggle="dropdown"]';

  function setOpen(toggle, open) {
    toggle.setAttribute("aria-expanded", String(open));
    const menu = toggle.nextElementSibling;
    if (menu) menu.classList.toggle("show", open);
  }

  document.addEventListener("click", (event) => {
    const toggle = event.target.closest(TOGGLE);
    for (const other of document.querySelectorAll(`${TOGGLE}[aria-expanded="true"]`)) {
      if (other !== toggle) setOpen(other, false);
    }
    if (toggle) setOpen(toggle, toggle.getAttribute("aria-expanded") !== "true");
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const open = document.querySelector(`${TOGGLE}[aria-expanded="true"]`);
    if (open) {
      setOpen(open, false);
      open.focus();
    }
  });
})();
