// The studio's page: load a publication, save the text as the author types (the server
// builds it), show what changed when the build says so. No library, no build step.
"use strict";
const $ = (id) => document.getElementById(id);
const state = { name: null, version: -1, pending: null, dirty: false, saving: false };

function say(text) { $("status").textContent = text; }

async function api(path, options) {
  const response = await fetch(path, Object.assign({ credentials: "same-origin" }, options));
  if (!response.ok && response.status !== 204) throw new Error(await response.text());
  return response;
}

async function loadPublications(select) {
  const data = await (await api("/api/publications")).json();
  const list = $("publication");
  list.replaceChildren(...data.publications.map((name) => new Option(name, name)));
  const wanted = select || state.name || new URLSearchParams(location.hash.slice(1)).get("p")
    || data.publications[0];
  if (wanted) { list.value = wanted; await open(wanted); }
}

async function open(name) {
  state.name = name; state.version = -1; state.dirty = false;
  history.replaceState(null, "", "#p=" + encodeURIComponent(name));
  await refresh(true);
}

async function refresh(withText) {
  if (!state.name) return;
  const name = state.name;
  const data = await (await api("/api/p/" + name)).json();
  // answers can cross: never show an older state over a newer one
  if (name !== state.name || (!withText && data.version < state.version)) return;
  if (withText || (!state.dirty && !state.saving && $("editor").value !== data.text)) {
    if (withText || document.activeElement !== $("editor")) $("editor").value = data.text;
  }
  state.version = data.version;
  readSettings();
  const time = new Date().toLocaleTimeString(WORDS.lang, { hour: "2-digit", minute: "2-digit" });
  say(data.state === "building" ? WORDS.building : data.state === "refused" ? WORDS.refused
      : data.state === "built" ? WORDS.built + " " + time : "");
  $("status").dataset.state = data.state;
  showProblems(data.problems);
  showStructure(data.structure);
  showFiles(data.files);
  showPictures("pages", data.pages, "page", data.changed_pages, data.pages_drawn);
  showPictures("slides", data.slides, "slide", [], data.slides_drawn);
  $("no-slides").hidden = data.slides > 0 || data.state !== "built";
  $("sketched-slides").hidden = data.slides_drawn_by !== "plan";
}

function showProblems(problems) {
  const list = $("problems");
  if (!problems.length) {
    const none = document.createElement("li"); none.textContent = WORDS.no_problems;
    list.replaceChildren(none); return;
  }
  list.replaceChildren(...problems.map((problem) => {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = problem.severity;
    const badge = document.createElement("span");
    badge.className = "badge";
    badge.textContent = WORDS[problem.severity] || problem.severity;
    button.append(badge, (problem.line ? WORDS.line + " " + problem.line + ": " : "") + problem.message);
    button.addEventListener("click", () => jumpTo(problem.line || 1, problem.column || 1));
    item.append(button);
    return item;
  }));
}

function jumpTo(line, column) {
  const editor = $("editor");
  const lines = editor.value.split("\n");
  let offset = 0;
  for (let i = 0; i < Math.min(line - 1, lines.length); i++) offset += lines[i].length + 1;
  offset += Math.max(0, column - 1);
  editor.focus();
  editor.setSelectionRange(offset, offset);
  const height = editor.scrollHeight / Math.max(1, lines.length);
  editor.scrollTop = Math.max(0, (line - 5) * height);
}

function text(tag, content, className) {
  const element = document.createElement(tag);
  element.textContent = content;
  if (className) element.className = className;
  return element;
}

function showStructure(structure) {
  const place = $("structure");
  if (!structure) { place.replaceChildren(); return; }
  const facts = document.createElement("dl");
  for (const [key, value] of [["title", structure.title], ["organisation", structure.organisation],
                              ["date", structure.date], ["signatories", structure.signatories.join(", ")]]) {
    facts.append(text("dt", WORDS[key]), text("dd", value || WORDS.none));
  }
  const lessons = document.createElement("ol");
  for (const lesson of structure.lessons) {
    const item = document.createElement("li");
    const title = document.createElement("button");
    title.type = "button"; title.className = "link";
    title.append(text("span", WORDS.lesson + " " + lesson.number, "number"), lesson.title);
    title.addEventListener("click", () => jumpTo(lesson.line, 1));
    item.append(title);
    const message = lesson.key_message ? WORDS.key_message + ": " + lesson.key_message
      : WORDS.slide_shows + ": " + (lesson.stand_in || WORDS.none);
    item.append(text("span", message, "message"));
    lessons.append(item);
  }
  place.replaceChildren(facts, lessons);
}

function showFiles(files) {
  $("files").replaceChildren(...files.map((file) => {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = "/api/p/" + state.name + "/file/" + file.kind;
    link.download = file.name;
    link.textContent = WORDS.download + " " + file.name;
    item.append(link, text("p", WORDS["file_" + file.kind] || ""));
    return item;
  }));
}

function showPictures(id, count, kind, changed, version) {
  const list = $(id);
  const items = [];
  for (let number = 1; number <= count; number++) {
    const item = document.createElement("li");
    if (changed.includes(number)) item.className = "changed";
    const button = document.createElement("button");
    button.type = "button";
    const picture = document.createElement("img");
    const label = (kind === "page" ? WORDS.page : WORDS.slide) + " " + number;
    picture.alt = label;
    picture.loading = "lazy";
    picture.src = "/api/p/" + state.name + "/" + kind + "/" + number + "?v=" + version;
    button.append(picture);
    button.addEventListener("click", () => enlarge(picture.src, label));
    item.append(button);
    items.push(item);
  }
  // the changed pages first: the author sees at once what the edit did
  items.sort((a, b) => (b.className === "changed") - (a.className === "changed"));
  list.replaceChildren(...items);
}

function enlarge(source, label) {
  $("large-title").textContent = label;
  $("large-picture").src = source;
  $("large-picture").alt = label;
  $("large").showModal();
}

// The front matter's simple settings as a form: each field reads and writes its own
// 'key: value' line between the two '---' lines, so the rest of the text stays as it is.
function frontMatter(text) {
  const lines = text.split("\n");
  if (lines[0] !== "---") return null;
  const end = lines.indexOf("---", 1);
  return end < 0 ? null : { lines, end };
}

function yamlValue(value) {
  // plain when YAML reads it back as the same text; otherwise in double quotes
  if (/^(yes|no|true|false|null|on|off|~|[-+.\d]+)$/i.test(value)
      && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return JSON.stringify(value);
  if (value === "" || /^[\w\u00C0-\u024F][^:#\n]*$/.test(value) && !/\s$/.test(value)) return value;
  return JSON.stringify(value);  // a double-quoted YAML string
}

function readSettings() {
  const found = frontMatter($("editor").value);
  for (const field of document.querySelectorAll("#settings [data-key]")) {
    if (document.activeElement === field) continue;
    let value = "";
    if (found) {
      const line = found.lines.slice(1, found.end).find((l) => l.startsWith(field.dataset.key + ":"));
      if (line) {
        value = line.slice(field.dataset.key.length + 1).trim();
        if (/^".*"$/.test(value)) { try { value = JSON.parse(value); } catch (e) { /* as written */ } }
        else if (/^'.*'$/.test(value)) value = value.slice(1, -1).replace(/''/g, "'");
      }
    }
    field.value = value || field.dataset.default || "";  // unset: the default, as built
  }
}

function writeSetting(key, value) {
  const editor = $("editor");
  const found = frontMatter(editor.value);
  if (!found) return;
  const lines = found.lines;
  const at = lines.slice(1, found.end).findIndex((l) => l.startsWith(key + ":"));
  const line = key + ": " + yamlValue(value);
  if (at >= 0) {
    if (value === "") lines.splice(at + 1, 1); else lines[at + 1] = line;
  } else if (value !== "") {
    lines.splice(found.end, 0, line);
  }
  editor.value = lines.join("\n");
  editor.dispatchEvent(new Event("input"));
}

for (const field of document.querySelectorAll("#settings [data-key]")) {
  field.addEventListener(field.tagName === "SELECT" ? "change" : "input",
                         () => writeSetting(field.dataset.key, field.value));
}

async function save() {
  if (!state.name) return;
  state.saving = true; state.dirty = false; say(WORDS.saving);
  const text = $("editor").value;
  try {
    localStorage.setItem("tweeluik-draft-" + state.name, text);
    await api("/api/p/" + state.name + "/text", { method: "PUT",
      headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text }) });
    localStorage.removeItem("tweeluik-draft-" + state.name);
    say(WORDS.saved);
  } catch (error) {
    state.dirty = true; say(WORDS.not_saved + ": " + error.message);
  } finally { state.saving = false; }
}

function writeDeckTemplate(path) {
  const editor = $("editor");
  const found = frontMatter(editor.value);
  if (!found) return;
  const lines = found.lines;
  const deck = lines.slice(1, found.end).findIndex((l) => /^deck:\s*$/.test(l)) + 1;
  if (deck > 0) {
    let at = deck + 1;
    while (at < found.end && /^\s+\S/.test(lines[at]) && !/^\s+template:/.test(lines[at])) at++;
    const line = "  template: " + yamlValue(path);
    if (at < found.end && /^\s+template:/.test(lines[at])) lines[at] = line;
    else lines.splice(deck + 1, 0, line);
  } else {
    lines.splice(found.end, 0, "deck:", "  template: " + yamlValue(path));
  }
  editor.value = lines.join("\n");
  editor.dispatchEvent(new Event("input"));
}

async function keepBeside(file) {
  const response = await fetch("/api/p/" + state.name + "/beside?name=" + encodeURIComponent(file.name),
                               { method: "POST", body: file, credentials: "same-origin" });
  const data = await response.json();
  if (!response.ok) { $("report").textContent = data.error; return; }
  if (data.kind === "logo") writeSetting("logo", data.path); else writeDeckTemplate(data.path);
  $("report").textContent = (data.kind === "logo" ? WORDS.logo : WORDS.template) + ": " + data.path;
}

async function bringIn(file) {
  $("report").textContent = "…";
  if (/\.(png|jpe?g|svg|pptx|potx)$/i.test(file.name)) {
    try { await keepBeside(file); } catch (error) { $("report").textContent = error.message; }
    return;
  }
  try {
    const response = await fetch("/api/import?name=" + encodeURIComponent(file.name),
                                 { method: "POST", body: file, credentials: "same-origin" });
    const data = await response.json();
    if (!response.ok) { $("report").textContent = data.error; return; }
    const report = [text("h3", WORDS.report + ": " + data.publication)];
    const found = document.createElement("ul");
    for (const line of data.found) found.append(text("li", line));
    for (const check of data.checks) {
      found.append(text("li", (check.line ? WORDS.line + " " + check.line + ": " : "") + check.message));
    }
    report.push(found);
    $("report").replaceChildren(...report);
    await loadPublications(data.publication);
  } catch (error) { $("report").textContent = error.message; }
}

$("publication").addEventListener("change", (event) => open(event.target.value));
$("editor").addEventListener("input", () => {
  readSettings();
  state.dirty = true;
  clearTimeout(state.pending);
  state.pending = setTimeout(save, 150);
});
$("close").addEventListener("click", () => $("large").close());
$("upload").addEventListener("change", (event) => {
  if (event.target.files.length) bringIn(event.target.files[0]);
});
document.addEventListener("dragover", (event) => { event.preventDefault(); $("drop").classList.add("over"); });
document.addEventListener("dragleave", () => $("drop").classList.remove("over"));
document.addEventListener("drop", (event) => {
  event.preventDefault(); $("drop").classList.remove("over");
  if (event.dataTransfer.files.length) bringIn(event.dataTransfer.files[0]);
});

const changes = new EventSource("/api/events");
changes.onmessage = (event) => {
  const message = JSON.parse(event.data);
  if (message.publication === state.name && message.version > state.version) refresh(false);
  else if (message.publication !== state.name && !Array.from($("publication").options)
           .some((option) => option.value === message.publication)) loadPublications();
};
loadPublications();
