// Click-to-load videos: the preview is a plain link to the video; a click
// swaps it for the host's player, the first moment the host hears of the visit.
for (const link of document.querySelectorAll("a.video-link[data-embed]")) {
  link.addEventListener("click", (event) => {
    // A new tab or window keeps the link's own behaviour.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    const frame = document.createElement("iframe");
    frame.src = link.dataset.embed;
    frame.title = link.dataset.title;
    frame.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
    frame.allowFullscreen = true;
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    link.replaceWith(frame);
    frame.focus();
  });
}
