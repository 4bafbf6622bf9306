// A filter box above each scorecard, as a progressive enhancement: the pages read in full
// without it. Typing keeps the indicators whose row mentions every word typed (a title, a
// lead, a status such as RED), and says how many are shown.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  for (const slot of document.querySelectorAll("[data-filter-for]")) {
    const table = document.getElementById(slot.dataset.filterFor);
    if (!table) continue;
    const groups = [...table.tBodies];
    const box = document.createElement("div");
    box.className = "filter";
    const label = document.createElement("label");
    label.htmlFor = table.id + "-filter";
    label.textContent = "Filter indicators";
    const input = document.createElement("input");
    input.type = "search";
    input.id = label.htmlFor;
    const said = document.createElement("output");
    said.setAttribute("aria-live", "polite");
    box.append(label, input, said);
    slot.append(box);
    input.addEventListener("input", () => {
      const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      let shown = 0;
      for (const group of groups) {
        const text = group.textContent.toLowerCase();
        const keep = words.every((w) => text.includes(w));
        group.hidden = !keep;
        if (keep) shown += 1;
      }
      said.textContent = words.length ? `${shown} of ${groups.length} shown` : "";
    });
  }
});
