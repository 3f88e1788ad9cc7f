// Live preview of Markdown fields in the admin. The server renders and sanitises the HTML
// with the same function the public pages use, so the preview is exactly what will be shown.
document.addEventListener("DOMContentLoaded", () => {
  const csrf = document.querySelector("input[name=csrfmiddlewaretoken]");
  document.querySelectorAll(".markdown-preview").forEach((preview) => {
    const source = document.getElementById(preview.dataset.source);
    if (!source || !csrf) return;
    let timer = null;
    const render = () => {
      const body = new URLSearchParams({ text: source.value });
      fetch(preview.dataset.url, {
        method: "POST",
        headers: { "X-CSRFToken": csrf.value },
        body,
        credentials: "same-origin",
      })
        .then((response) => (response.ok ? response.text() : ""))
        .then((html) => { preview.innerHTML = html; }); // sanitised by the server
    };
    source.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(render, 300);
    });
    render();
  });
});
