// Click-to-load videos: the preview is a plain link to the video; a click
// swaps it for the host's player, the first moment the host hears of the visit.
// The player's address is built here from the video's id and a known host,
// never taken from the page (plugins/video_embeds writes the same templates).
const PLAYERS = {
  "www.youtube-nocookie.com": {
    id: /^[A-Za-z0-9_-]{11}$/,
    url: (id) => `https://www.youtube-nocookie.com/embed/${id}?autoplay=1`,
  },
  "player.vimeo.com": {
    id: /^[0-9]{1,20}$/,
    url: (id) => `https://player.vimeo.com/video/${id}?autoplay=1&dnt=1`,
  },
};

for (const link of document.querySelectorAll("a.video-link[data-video]")) {
  const player = Object.hasOwn(PLAYERS, link.dataset.host) && PLAYERS[link.dataset.host];
  if (!player || !player.id.test(link.dataset.video)) continue; // stays a link
  link.addEventListener("click", (event) => {
    // A new tab or window keeps the link's own behaviour.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    const frame = document.createElement("iframe");
    frame.src = player.url(link.dataset.video);
    frame.title = link.dataset.title || "";
    frame.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
    frame.allowFullscreen = true;
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    link.replaceWith(frame);
    frame.focus();
  });
}
