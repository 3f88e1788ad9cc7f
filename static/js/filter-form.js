// A GET form sends its empty fields too (`?q=&active_from=`), and such URLs get shared.
// Leave them out of the query as it is built; without JavaScript the server ignores them.
document.querySelectorAll("form.filters").forEach((form) => {
  form.addEventListener("formdata", (event) => {
    const entries = [...event.formData.entries()];
    entries.forEach(([name]) => event.formData.delete(name));
    entries.forEach(([name, value]) => {
      if (value !== "") event.formData.append(name, value);
    });
  });
});
