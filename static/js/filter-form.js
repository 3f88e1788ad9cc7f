// Progressive enhancement of a list's filter form; without JavaScript it is a plain GET form.

// A GET form sends its empty fields too (`?q=&active_from=`), and such URLs get shared.
// Leave them out of the query as it is built; without JavaScript the server ignores them.
function dropEmpty(formData) {
  const entries = [...formData.entries()];
  entries.forEach(([name]) => formData.delete(name));
  entries.forEach(([name, value]) => {
    if (value !== "") formData.append(name, value);
  });
}

document.querySelectorAll("form.filters").forEach((form) => {
  form.addEventListener("formdata", (event) => dropEmpty(event.formData));
});
// htmx builds the query of an instant filter itself: the same rule, so pushed URLs are clean.
document.addEventListener("htmx:configRequest", (event) => dropEmpty(event.detail.formData));

// Long facets show their chosen and largest options, the rest behind "show all", and a box
// that narrows the options as one types. What a reader opened or typed is kept by facet id,
// so that it survives the facets being swapped for fresh counts.
const facetState = new Map();

function folded(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

function showFacet(facet) {
  const state = facetState.get(facet.id);
  const words = folded(state.text.trim());
  let shown = 0;
  facet.querySelectorAll("li").forEach((item) => {
    const matches = !words || folded(item.textContent).includes(words);
    item.hidden = !(matches && (words || state.expanded || !item.hasAttribute("data-more")));
    if (!item.hidden) shown += 1;
  });
  facet.querySelectorAll(".facet-group").forEach((group) => {
    group.hidden = !group.querySelector("li:not([hidden])");
  });
  facet.querySelector(".facet-none").hidden = shown > 0;
  const more = facet.querySelector(".facet-more");
  more.hidden = Boolean(words) || !facet.querySelector("li[data-more]");
  more.setAttribute("aria-expanded", String(state.expanded));
  more.textContent = state.expanded ? more.dataset.fewer : more.dataset.more;
}

function setUpFacet(facet) {
  if (facet.dataset.enhanced) return;
  facet.dataset.enhanced = "true";
  if (!facetState.has(facet.id)) facetState.set(facet.id, { expanded: false, text: "" });
  const state = facetState.get(facet.id);
  const search = facet.querySelector(".facet-search");
  const input = search.querySelector("input");
  const more = facet.querySelector(".facet-more");
  more.dataset.more = more.textContent;
  search.hidden = false;
  input.value = state.text;
  input.addEventListener("input", () => {
    state.text = input.value;
    showFacet(facet);
  });
  // Narrowing the options chooses nothing: neither a change nor Enter reaches the form.
  input.addEventListener("change", (event) => event.stopPropagation());
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") event.preventDefault();
  });
  more.addEventListener("click", () => {
    state.expanded = !state.expanded;
    showFacet(facet);
  });
  showFacet(facet);
}

// On a phone the filters fold into their panel (open without JavaScript, or on a wide screen,
// where it cannot be folded); applying them there folds it and shows the results.
const phone = window.matchMedia("(max-width: 48rem)");
let showResults = false;

function setUpPanel(panel) {
  if (panel.dataset.enhanced) return;
  panel.dataset.enhanced = "true";
  if (phone.matches) panel.open = false;
  panel.querySelector("form").addEventListener("submit", () => {
    showResults = phone.matches;
  });
}

phone.addEventListener("change", () => {
  if (phone.matches) return;
  document.querySelectorAll("details.filter-panel").forEach((panel) => (panel.open = true));
});

function enhance() {
  document.querySelectorAll("form.filters .facet-long").forEach(setUpFacet);
  document.querySelectorAll("details.filter-panel").forEach(setUpPanel);
}

// htmx keeps the focus on the element with the same id after a swap; an option unticked that
// has no match left is not offered again, so the focus goes back to its facet's first option.
let focusedFacet = null;
document.addEventListener("htmx:beforeRequest", () => {
  focusedFacet = document.activeElement?.closest("fieldset.facet")?.id || null;
});

function keepFocusInFacet() {
  const lost = !document.activeElement || document.activeElement === document.body;
  if (lost && focusedFacet) document.getElementById(focusedFacet)?.querySelector("input")?.focus();
  focusedFacet = null;
}

enhance();
// After each swap: fresh facets, or a whole page htmx restored on "back".
document.addEventListener("htmx:historyRestore", enhance);
document.addEventListener("htmx:afterSettle", () => {
  enhance();
  keepFocusInFacet();
  if (showResults) {
    showResults = false;
    document.querySelectorAll("details.filter-panel").forEach((p) => (p.open = false));
    document.getElementById("results")?.focus();
  }
});
