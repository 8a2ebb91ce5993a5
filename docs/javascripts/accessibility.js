// Material's search panel has role="dialog" but no name; screen readers need one.
for (const dialog of document.querySelectorAll(".md-search[role=dialog]")) {
  if (!dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");
}

// A box that scrolls must be reachable by keyboard to be scrolled: while it
// overflows it is a focusable, named region, and otherwise it is not.
function markScrollingRegion(box, scrolls, label) {
  if (scrolls) {
    box.setAttribute("tabindex", "0");
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", label);
  } else {
    box.removeAttribute("tabindex");
    box.removeAttribute("role");
    box.removeAttribute("aria-label");
  }
}

// A table wider than the page scrolls sideways.
function makeWideTablesFocusable() {
  for (const wrap of document.querySelectorAll(".md-typeset__scrollwrap")) {
    const scrolls = wrap.scrollWidth > wrap.clientWidth;
    markScrollingRegion(wrap, scrolls, "Table, scrolls sideways");
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
    const scrolls = box.scrollWidth > box.clientWidth;
    markScrollingRegion(box, scrolls, "Picture, scrolls sideways");
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
