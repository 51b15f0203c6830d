// Site search with Pagefind, loaded by the search page only. The form is
// hidden until this runs; Pagefind answers from the index of this page's
// <html lang>, so results are always in the page's language.
const form = document.querySelector(".search-form");
const input = form.querySelector("input");
const status = document.querySelector(".search-status");
const list = document.querySelector(".search-results");
const bundle = new URL(form.dataset.pagefind, location.href);
const pagefind = await import(bundle.href);
// Result addresses start where the site does (a site may live in a subfolder).
const baseUrl = bundle.pathname.replace(/pagefind\/pagefind\.js$/, "");
await pagefind.options({ baseUrl });
// A language with more pages than one Pagefind run indexes has further
// bundles, listed per language in parts.json (written with the index; asked
// afresh, like Pagefind's own entry file): all merged before the first
// search. They share this bundle's WebAssembly: mergeIndex loads none.
const manifest = fetch(new URL("parts.json", bundle), { cache: "no-cache" })
  .then((response) => (response.ok ? response.json() : {}))
  .catch(() => ({}));
await pagefind.init();
const lang = document.documentElement.lang.toLowerCase();
const parts = await manifest;
const extra = parts[lang] || parts[lang.split("-")[0]] || [];
await Promise.all(extra.map((path) =>
  pagefind.mergeIndex(new URL(path, bundle).pathname, { baseUrl })));

const say = (text) => { status.textContent = text; };

// Pagefind's excerpt is HTML: its own <mark> around the words found, and the
// page's text. Only the <mark>s become elements; everything else goes in as
// text, whatever the page held. DOMParser's document is inert: nothing in it
// runs or loads.
// An excerpt cut from the middle of the text says so: an ellipsis where it
// starts or ends inside the page's text.
function excerptNodes(html, content) {
  const parsed = new DOMParser().parseFromString(html, "text/html");
  const nodes = [...parsed.body.childNodes].map((node) => {
    if (node.nodeName !== "MARK") return document.createTextNode(node.textContent);
    const mark = document.createElement("mark");
    mark.textContent = node.textContent;
    return mark;
  });
  const words = (text) => text.replace(/\s+/g, " ").trim();
  const shown = words(parsed.body.textContent);
  const whole = words(content || "");
  if (shown && whole) {
    if (!whole.startsWith(shown.slice(0, 24))) nodes.unshift(document.createTextNode("… "));
    if (!whole.endsWith(shown.slice(-24))) nodes.push(document.createTextNode(" …"));
  }
  return nodes;
}

async function run(query) {
  list.replaceChildren();
  query = query.trim();
  if (!query) { say(""); return; }
  say(form.dataset.searching);
  const search = await pagefind.search(query);
  const found = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
  if (input.value.trim() !== query) return; // a newer search is on its way
  for (const page of found) {
    const item = document.createElement("li");
    const heading = document.createElement("h2");
    const link = document.createElement("a");
    link.href = page.url;
    link.textContent = page.meta.title || page.url;
    heading.append(link);
    const excerpt = document.createElement("p");
    excerpt.append(...excerptNodes(page.excerpt, page.content));
    item.append(heading, excerpt);
    list.append(item);
  }
  say(found.length
    ? form.dataset.results.replace("{count}", search.results.length)
    : form.dataset.none.replace("{query}", query));
}

let timer;
input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(() => run(input.value), 250);
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
  run(input.value);
});

form.hidden = false;
const initial = new URLSearchParams(location.search).get("q");
if (initial) { input.value = initial; run(initial); }
