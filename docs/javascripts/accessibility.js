// Material's search panel has role="dialog" but no name; screen readers need one.
for (const dialog of document.querySelectorAll(".md-search[role=dialog]")) {
  if (!dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");
}
