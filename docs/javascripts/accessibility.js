// Material's search panel has role="dialog" but no name; screen readers need one.
for (const dialog of document.querySelectorAll(".md-search[role=dialog]")) {
  if (!dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");
}

// A table wider than the page scrolls sideways; keyboard users must be able to
// reach it to scroll it, so an overflowing table becomes a focusable region.
function makeWideTablesFocusable() {
  for (const wrap of document.querySelectorAll(".md-typeset__scrollwrap")) {
    if (wrap.scrollWidth > wrap.clientWidth) {
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "Table, scrolls sideways");
    } else {
      wrap.removeAttribute("tabindex");
      wrap.removeAttribute("role");
      wrap.removeAttribute("aria-label");
    }
  }
}
// A long example output scrolls within a bounded height (book.css); keyboard
// users reach it the same way. Material already does this for code that
// scrolls sideways, so a tabindex it set is left alone.
function makeTallOutputsFocusable() {
  for (const code of document.querySelectorAll(".example-output pre > code")) {
    if (code.scrollHeight > code.clientHeight) {
      code.setAttribute("tabindex", "0");
      code.setAttribute("role", "region");
      code.setAttribute("aria-label", "Output, scrolls");
    }
  }
}

// On a phone a picture scrolls sideways in its paragraph (book.css).
function makeWidePicturesFocusable() {
  for (const image of document.querySelectorAll(".md-typeset p > img.picture")) {
    if (!image.complete) {
      // Pictures load lazily: measure again once this one is in.
      image.addEventListener("load", makeWidePicturesFocusable, { once: true });
    }
    const box = image.parentElement;
    if (box.scrollWidth > box.clientWidth) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", "Picture, scrolls sideways");
    } else {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
  }
}

function makeScrollingRegionsFocusable() {
  makeWideTablesFocusable();
  makeTallOutputsFocusable();
  makeWidePicturesFocusable();
}

// Material wraps tables in their scrolling box itself, once the page is mounted:
// its document$ stream says when (the load event, where Material is absent).
if (typeof document$ !== "undefined") {
  document$.subscribe(makeScrollingRegionsFocusable);
} else {
  window.addEventListener("load", makeScrollingRegionsFocusable);
}
window.addEventListener("resize", makeScrollingRegionsFocusable);
