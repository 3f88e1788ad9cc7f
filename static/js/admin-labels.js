// Select2, which draws the admin's autocomplete fields, hides the <select> and shows a
// combobox and a search box of its own, neither of them named. Each gets the name of its
// <select>: the text of its <label>, or its aria-label (tabular inlines label their controls
// so), through a hidden element that aria-labelledby points to. Select2 draws new boxes when
// an inline row is added, so they are named as they appear.
(() => {
  const nameOf = (select) => {
    const label = select.labels && select.labels[0];
    const text = label ? label.textContent : select.getAttribute("aria-label") || "";
    return text.trim().replace(/:$/, "");
  };

  const nameSelect2 = (container) => {
    const select = container.previousElementSibling;
    if (!select || select.tagName !== "SELECT" || !select.id) return;
    const name = nameOf(select);
    if (!name) return;
    const holder = document.createElement("span");
    holder.id = `${select.id}-name`;
    holder.hidden = true;
    holder.textContent = name;
    container.before(holder);
    container.dataset.nameId = holder.id;
    label(container);
  };

  // The search box of a multiple choice is drawn again after each choice: named each time.
  const label = (container) => {
    const { nameId } = container.dataset;
    container.querySelectorAll(".select2-selection").forEach((box) => {
      const valueId = box.getAttribute("aria-labelledby") || "";
      if (!valueId.split(" ").includes(nameId)) {
        box.setAttribute("aria-labelledby", `${nameId} ${valueId}`.trim());
      }
    });
    container.querySelectorAll(".select2-search__field, .select2-selection__rendered[role=textbox]").forEach((field) => {
      field.setAttribute("aria-labelledby", nameId);
    });
    // The chosen values and the search box are items of one list; Select2 adds its clear
    // button among them, which a plain <ul> may not hold.
    container.querySelectorAll("ul.select2-selection__rendered").forEach((list) => {
      list.setAttribute("role", "list");
    });
  };

  const nameAll = () => {
    document.querySelectorAll(".select2-container").forEach((container) => {
      if (container.dataset.nameId) label(container);
      else nameSelect2(container);
    });
  };

  document.addEventListener("DOMContentLoaded", () => {
    nameAll();
    new MutationObserver(nameAll).observe(document.body, { childList: true, subtree: true });
  });
})();
