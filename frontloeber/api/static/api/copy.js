// The token pages: a "Copy" button beside each box of text to copy (the token, a feed's address, a curl line).
// Without JavaScript the boxes are there to select and copy by hand; the buttons show only where this runs.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("button.fl-copy[data-copy]").forEach((button) => {
    const source = document.getElementById(button.dataset.copy);
    const done = button.parentElement.querySelector(".fl-copy-done");
    if (!source) return;
    button.hidden = false;
    button.addEventListener("click", async () => {
      source.focus();
      source.select();
      try {
        await navigator.clipboard.writeText(source.value);
      } catch (error) {
        document.execCommand("copy");
      }
      if (done) done.textContent = done.dataset.done;
    });
  });
  document.querySelectorAll("textarea.fl-copy-source").forEach((box) => {
    box.addEventListener("focus", () => box.select());
  });
});
