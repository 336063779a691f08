"use strict";
// The report's data is JSON in the page; every piece of document text is inserted as text
// (createTextNode, textContent), never as markup. Segments of a page are strings or the
// index of an edit, cut by the report's builder, so no offset is converted here.
(function () {
  const documents = JSON.parse(document.getElementById("report-data").textContent);
  const ROWS_PER_PAGE = 100;
  const FAMILIES = new Set(["news", "academic", "agreement"]);
  const state = { doc: 0, page: 0, summaryPage: 0, view: "spun" };
  const $ = (id) => document.getElementById(id);

  function el(tag, props, children) {
    const node = document.createElement(tag);
    Object.assign(node, props || {});
    for (const child of children || []) node.append(child);
    return node;
  }

  function scoreText(score) {
    return score === null ? "n/a" : score.toFixed(3);  // null: not English, detection abstained
  }

  function familyClass(family) {
    return "fam-" + (FAMILIES.has(family) ? family : "other");
  }

  function otherRepairs(repairs) {
    let count = 0;
    for (const [family, n] of Object.entries(repairs)) if (family !== "news" && family !== "academic") count += n;
    return count;
  }

  function pagerButtons(nav, current, total, label, go) {
    nav.replaceChildren();
    if (total <= 1) return;
    const prev = el("button", { type: "button", textContent: "previous", disabled: current === 0 });
    const next = el("button", { type: "button", textContent: "next", disabled: current >= total - 1 });
    prev.addEventListener("click", () => go(current - 1));
    next.addEventListener("click", () => go(current + 1));
    nav.append(prev, el("span", { textContent: `${label} ${current + 1} of ${total}` }), next);
  }

  function renderSummary() {
    const body = document.querySelector("#summary tbody");
    const first = state.summaryPage * ROWS_PER_PAGE;
    const rows = [];
    documents.slice(first, first + ROWS_PER_PAGE).forEach((d, i) => {
      const index = first + i;
      const open = el("button", { type: "button", className: "open", textContent: d.name });
      open.addEventListener("click", () => openDocument(index, true));
      const cells = [
        el("th", { scope: "row" }, [open]),
        el("td", { className: "number", textContent: scoreText(d.score) }),
        el("td", { className: "verdict", textContent: d.spun ? "spun" : "clean" }),
        el("td", { className: "number", textContent: String(d.repairs.news || 0) }),
        el("td", { className: "number", textContent: String(d.repairs.academic || 0) }),
        el("td", { className: "number", textContent: String(otherRepairs(d.repairs)) }),
        el("td", { className: "number", textContent: d.words.toLocaleString("en") }),
      ];
      const row = el("tr", { className: (d.spun ? "spun" : "clean") + (index === state.doc ? " current" : "") }, cells);
      row.dataset.index = String(index);
      rows.push(row);
    });
    body.replaceChildren(...rows);
    const total = Math.ceil(documents.length / ROWS_PER_PAGE);
    pagerButtons($("summary-pager"), state.summaryPage, total, "documents page", (p) => {
      state.summaryPage = p;
      renderSummary();
    });
  }

  function mark(doc, index, shown) {
    const edit = doc.edits[index];
    const node = el("mark", {
      className: `span ${familyClass(edit.family)} cert-${edit.certainty}`,
      tabIndex: 0,
      textContent: shown === "spun" ? edit.spun : edit.original,
    });
    node.dataset.edit = String(index);
    node.dataset.side = shown;
    node.dataset.original = edit.original;
    node.setAttribute("aria-describedby", "tip");
    return node;
  }

  function fill(pane, doc, segments, shown) {
    const parts = [];
    for (const segment of segments) {
      if (typeof segment === "string") parts.push(document.createTextNode(segment));
      else parts.push(mark(doc, segment, shown));
    }
    pane.querySelector(".text").replaceChildren(...parts);
  }

  function renderPage() {
    const doc = documents[state.doc];
    const segments = doc.pages[state.page] || [];
    fill($("spun-pane"), doc, segments, "spun");
    fill($("restored-pane"), doc, segments, "restored");
    pagerButtons($("text-pager"), state.page, doc.pages.length, "page", (p) => {
      state.page = p;
      renderPage();
    });
    hideTip();
  }

  function openDocument(index, focusHeading) {
    state.doc = index;
    state.page = 0;
    const doc = documents[index];
    $("document-heading").textContent = doc.name;
    const repairs = doc.edits.length;
    $("document-facts").textContent =
      `Score ${scoreText(doc.score)} (${doc.score === null ? "not English, not scored" : doc.spun ? "spun" : "clean"}), ${repairs} repair${repairs === 1 ? "" : "s"}, ` +
      `${doc.words.toLocaleString("en")} words.`;
    for (const row of document.querySelectorAll("#summary tbody tr"))
      row.classList.toggle("current", row.dataset.index === String(index));
    renderPage();
    if (focusHeading) {
      $("document-heading").tabIndex = -1;
      $("document-heading").focus();
    }
  }

  // -- details of a span, on hover and on focus ---------------------------------------------
  const tip = $("tip");

  function line(label, value, className) {
    return el("p", {}, [el("span", { className: "label", textContent: label }),
                        el("span", { className: className || "", textContent: value })]);
  }

  function showTip(node) {
    const edit = documents[state.doc].edits[Number(node.dataset.edit)];
    const restoredSide = node.dataset.side === "restored";
    tip.replaceChildren(
      restoredSide ? line("spun:", edit.spun, "spun") : line("original:", edit.original, "original"),
      line("rule:", edit.rule, "rule"),
      line("evidence:", edit.evidence || "(none given)", "evidence"),
      line("family:", `${edit.family}, ${edit.certainty}, confidence ${edit.confidence}`, "family"),
    );
    tip.hidden = false;
    const box = node.getBoundingClientRect();
    const room = document.documentElement.clientWidth - tip.offsetWidth - 8;
    tip.style.left = `${window.scrollX + Math.max(8, Math.min(box.left, room))}px`;
    tip.style.top = `${window.scrollY + box.bottom + 6}px`;
    for (const other of document.querySelectorAll("mark.paired")) other.classList.remove("paired");
    for (const other of document.querySelectorAll(`mark[data-edit="${node.dataset.edit}"]`))
      if (other !== node) other.classList.add("paired");
  }

  function hideTip() {
    tip.hidden = true;
    for (const other of document.querySelectorAll("mark.paired")) other.classList.remove("paired");
  }

  const panes = $("panes");
  panes.addEventListener("mouseover", (e) => { if (e.target.matches("mark.span")) showTip(e.target); });
  panes.addEventListener("mouseout", (e) => { if (e.target.matches("mark.span") && e.target !== document.activeElement) hideTip(); });
  panes.addEventListener("focusin", (e) => { if (e.target.matches("mark.span")) showTip(e.target); });
  panes.addEventListener("focusout", (e) => { if (e.target.matches("mark.span")) hideTip(); });

  // -- keyboard: next and previous span, across pages ----------------------------------------
  function visibleMarks() {
    const pane = state.view === "restored" ? $("restored-pane") : $("spun-pane");
    return Array.from(pane.querySelectorAll("mark.span"));
  }

  function step(direction) {
    const doc = documents[state.doc];
    const marks = visibleMarks();
    const at = marks.indexOf(document.activeElement);
    let target = at === -1 ? (direction > 0 ? 0 : marks.length - 1) : at + direction;
    if (target >= 0 && target < marks.length) return focusMark(marks[target]);
    for (let page = state.page + direction; page >= 0 && page < doc.pages.length; page += direction) {
      if (!doc.pages[page].some((s) => typeof s === "number")) continue;
      state.page = page;
      renderPage();
      const fresh = visibleMarks();
      return focusMark(direction > 0 ? fresh[0] : fresh[fresh.length - 1]);
    }
  }

  function focusMark(node) {
    if (!node) return;
    node.focus({ preventScroll: true });
    node.scrollIntoView({ block: "center" });
    showTip(node);
  }

  document.addEventListener("keydown", (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.target.matches("textarea, input[type=text]")) return;
    if (e.key === "n" || e.key === "j") { step(1); e.preventDefault(); }
    else if (e.key === "p" || e.key === "k") { step(-1); e.preventDefault(); }
    else if (e.key === "Escape") hideTip();
  });

  for (const input of document.querySelectorAll('input[name="view"]')) {
    input.addEventListener("change", () => {
      state.view = input.value;
      panes.className = `panes view-${state.view}`;
      hideTip();
    });
  }

  const spun = documents.filter((d) => d.spun).length;
  const repairs = documents.reduce((n, d) => n + d.edits.length, 0);
  $("overview").textContent =
    `${documents.length} document${documents.length === 1 ? "" : "s"}, ${spun} scored as spun, ${repairs} repairs.`;
  renderSummary();
  if (documents.length) openDocument(0, false);
  else $("document").hidden = true;
  document.body.dataset.ready = "true";
})();
