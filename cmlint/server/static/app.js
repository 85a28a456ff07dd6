/* The cmlint page: live checking, inline highlights, one-click fixes. Plain JS, no build step. */
(function () {
  "use strict";

  var DEBOUNCE_MS = 350;
  var SEVERITIES = ["error", "warning", "suggestion"];
  var WORD = { error: "Ошибка", warning: "Предупреждение", suggestion: "Совет" };
  var GROUP = { error: ["ошибка", "ошибки", "ошибок"], warning: ["предупреждение", "предупреждения", "предупреждений"], suggestion: ["совет", "совета", "советов"] };
  var HEADING = { error: "Ошибки", warning: "Предупреждения", suggestion: "Советы" };
  var VERDICT = { ready: "можно публиковать", "needs-fixes": "нужно исправить" };
  var RANK = { error: 3, warning: 2, suggestion: 1, evidence: 0 };

  var $ = function (id) { return document.getElementById(id); };
  var titleInput = $("title"), salaryInput = $("salary"), textArea = $("text"), titleBackdrop = $("title-backdrop"), textBackdrop = $("text-backdrop");
  var groups = $("groups"), summary = $("summary"), statusLine = $("status"), tooltip = $("tooltip"), caretHint = $("caret-hint");

  var state = { report: null, sent: null, format: null, rules: {}, labels: {}, timer: 0, seq: 0, controller: null };

  /* ---------- small helpers ---------- */

  function plural(n, forms) {
    var a = Math.abs(n) % 100, b = a % 10;
    if (b === 1 && a !== 11) return forms[0];
    if (b >= 2 && b <= 4 && (a < 12 || a > 14)) return forms[1];
    return forms[2];
  }
  function count(n, forms) { return n + " " + plural(n, forms); }
  function percent(share) { return Math.round(share * 100) + "\u00a0%"; }
  /* A role or occupation key for people: the report's own names first, then the server's list. */
  function label(key) {
    var own = state.report && state.report.roles && state.report.roles[key];
    return own && own.label ? own.label : state.labels[key] || key;
  }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "className") node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return node;
  }
  function say(message) { statusLine.textContent = message; }

  /* Server offsets count code points; JavaScript strings count UTF-16 units. */
  function unitIndex(text) {
    if (!/[\uD800-\uDFFF]/.test(text)) return function (i) { return i; };
    var map = [], unit = 0;
    for (var ch of text) { map.push(unit); unit += ch.length; }
    map.push(unit);
    return function (i) { return map[Math.min(i, map.length - 1)]; };
  }

  function posting() {
    var title = titleInput.value.trim(), salary = salaryInput.value.trim();
    return { text: textArea.value, title: title ? titleInput.value : null, format: state.format, salary: salary || null };
  }
  function fullText() {
    var p = posting();
    return p.title ? p.title.trim() + "\n\n" + p.text : p.text;
  }

  async function api(path, body) {
    var response = await fetch(path, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
      signal: state.controller ? state.controller.signal : undefined,
    });
    var data = await response.json();
    if (!response.ok) throw new Error(data && data.error ? data.error.message : "ошибка " + response.status);
    return data;
  }

  /* ---------- checking ---------- */

  function schedule() {
    clearTimeout(state.timer);
    autoGrow();
    if (!textArea.value.trim() && !titleInput.value.trim()) { state.format = null; render(null); return; }
    say("Проверяю…");
    state.timer = setTimeout(check, DEBOUNCE_MS);
  }

  async function check() {
    var body = posting(), seq = ++state.seq;
    if (state.controller) state.controller.abort();
    state.controller = new AbortController();
    try {
      var report = await api("/v1/lint", body);
      if (seq !== state.seq) return;
      state.sent = body;
      render(report);
      say("");
    } catch (error) {
      if (error.name !== "AbortError" && seq === state.seq) say("Не удалось проверить: " + error.message);
    }
  }

  async function applyFixes(choices) {
    clearTimeout(state.timer);
    var body = posting();
    if (choices) body.fixes = choices;
    state.seq++;
    if (state.controller) state.controller.abort();
    state.controller = null;
    say("Исправляю…");
    try {
      var result = await api("/v1/fix", body);
      titleInput.value = result.title || "";
      textArea.value = result.text;
      state.sent = posting();
      autoGrow();
      render(result.report);
      var n = result.applied.length;
      say(n ? "Внесено " + count(n, ["исправление", "исправления", "исправлений"]) + "." : "Исправлять нечего.");
    } catch (error) {
      say("Не удалось исправить: " + error.message);
    }
  }

  /* ---------- rendering ---------- */

  function render(report) {
    state.report = report;
    renderScore(report);
    renderMarks(report);
    renderFindings(report);
    showCaretHint();
    $("fix-all").disabled = !report || !report.findings.some(function (f) { return f.suggestions.length; });
  }

  function renderScore(report) {
    var box = $("score");
    if (!report) {
      box.className = "score empty"; $("score-number").textContent = "—"; $("verdict").textContent = "ждём текст";
      return;
    }
    box.className = "score " + report.verdict;
    $("score-number").textContent = report.score;
    $("verdict").textContent = VERDICT[report.verdict];
  }

  function marksOf(report, field) {
    var marks = [];
    report.findings.forEach(function (f, i) {
      if (f.span && f.span.field === field) marks.push({ start: f.span.start, end: f.span.end, kind: f.severity, finding: i });
      f.evidence.forEach(function (e) {
        if (e.span.field === field) marks.push({ start: e.span.start, end: e.span.end, kind: "evidence", finding: i });
      });
    });
    return marks;
  }

  /* The text cut at every mark boundary; each piece marked by the most serious finding covering it. */
  function paint(backdrop, text, marks) {
    backdrop.textContent = "";
    var at = unitIndex(text), cuts = [0, text.length];
    marks.forEach(function (m) { m.from = at(m.start); m.to = at(m.end); cuts.push(m.from, m.to); });
    cuts = Array.from(new Set(cuts)).filter(function (c) { return c >= 0 && c <= text.length; }).sort(function (a, b) { return a - b; });
    for (var k = 0; k + 1 < cuts.length; k++) {
      var from = cuts[k], to = cuts[k + 1], piece = text.slice(from, to);
      var covering = marks.filter(function (m) { return m.from <= from && m.to >= to && m.to > m.from; });
      if (!covering.length) { backdrop.appendChild(document.createTextNode(piece)); continue; }
      covering.sort(function (a, b) { return RANK[b.kind] - RANK[a.kind]; });
      backdrop.appendChild(el("mark", {
        className: "m-" + covering[0].kind,
        "data-findings": covering.map(function (m) { return m.finding; }).join(" "),
        text: piece,
      }));
    }
    backdrop.appendChild(document.createTextNode("\n"));
  }

  function renderMarks(report) {
    if (!report || !state.sent || state.sent.text !== textArea.value) { textBackdrop.textContent = ""; titleBackdrop.textContent = ""; return; }
    paint(textBackdrop, textArea.value, marksOf(report, "text"));
    paint(titleBackdrop, titleInput.value, marksOf(report, "title"));
    titleBackdrop.scrollLeft = titleInput.scrollLeft;
  }

  function renderFindings(report) {
    groups.textContent = "";
    summary.className = "summary";
    if (!report) { summary.textContent = "Вставьте текст вакансии — замечания появятся сразу."; return; }
    if (!report.findings.length) {
      summary.className = "summary clean";
      summary.textContent = "Замечаний нет — можно публиковать.";
      return;
    }
    var parts = SEVERITIES.map(function (s) {
      var n = report.findings.filter(function (f) { return f.severity === s; }).length;
      return n ? count(n, GROUP[s]) : null;
    }).filter(Boolean);
    summary.textContent = "Найдено: " + parts.join(", ") + ".";
    SEVERITIES.forEach(function (severity) {
      var items = [];
      report.findings.forEach(function (f, i) { if (f.severity === severity) items.push(card(report, f, i)); });
      if (!items.length) return;
      groups.appendChild(el("section", { className: "group " + severity, "aria-label": HEADING[severity] }, [
        el("h3", { text: HEADING[severity] + " (" + items.length + ")" }),
        el("ol", {}, items),
      ]));
    });
  }

  function card(report, finding, index) {
    var node = el("li", { className: "finding " + finding.severity, id: "finding-" + index, tabindex: "-1" }, [
      el("div", { className: "head" }, [el("span", { className: "sev", text: WORD[finding.severity] }), el("span", { className: "code", text: finding.code })]),
      el("p", { className: "message", text: finding.message }),
    ]);
    if (finding.evidence.length) node.appendChild(proof(report, finding));
    if (finding.suggestions.length) node.appendChild(fixList(finding, index));
    var actions = el("div", { className: "actions" });
    if (finding.span) actions.appendChild(button("Показать в тексте", function () { reveal(finding.span); }));
    var rule = state.rules[finding.code];
    if (rule && rule.explanation) {
      var box = explanation(rule, index);
      var toggle = button("Почему это важно?", function () {
        box.hidden = !box.hidden;
        toggle.setAttribute("aria-expanded", String(!box.hidden));
      });
      toggle.setAttribute("aria-expanded", "false");
      toggle.setAttribute("aria-controls", box.id);
      actions.appendChild(toggle);
      node.appendChild(actions);
      node.appendChild(box);
    } else {
      node.appendChild(actions);
    }
    node.addEventListener("mouseenter", function () { highlight(index, true); });
    node.addEventListener("mouseleave", function () { highlight(index, false); });
    node.addEventListener("focusin", function () { highlight(index, true); });
    node.addEventListener("focusout", function () { highlight(index, false); });
    return node;
  }

  /* Duty shares as bars and the duty lines that prove the finding. */
  function proof(report, finding) {
    var titleRoles = report.title_roles || [];
    var bars = el("div", { className: "bars", "aria-label": "Доли ролей в обязанностях" });
    Object.keys(report.duty_profile).forEach(function (key) {
      var share = report.duty_profile[key], fill = el("span", { className: "fill" });
      fill.style.width = Math.round(share * 100) + "%";
      bars.appendChild(el("div", { className: "bar" + (titleRoles.indexOf(key) >= 0 ? " title-role" : "") }, [
        el("span", { text: label(key) }), el("span", { className: "track" }, [fill]), el("span", { text: percent(share) }),
      ]));
    });
    var lines = el("ul", { className: "evidence" });
    finding.evidence.forEach(function (e) {
      lines.appendChild(el("li", {}, [
        label(e.role) + ": ",
        button("«" + e.span.text + "»", function () { reveal(e.span); }, "link"),
      ]));
    });
    var box = el("div", {}, [el("p", { text: "Доли ролей в обязанностях:" }), bars, el("p", { text: "Строки, на которых основан вывод:" }), lines]);
    if (report.suggested_titles.length) {
      box.appendChild(el("p", { text: "Подходящие названия: " + report.suggested_titles.map(function (s) {
        return "«" + s.title + "» (" + percent(s.confidence) + ")";
      }).join(", ") }));
    }
    return box;
  }

  function fixList(finding, index) {
    var list = el("ul", { className: "fixes" });
    finding.suggestions.forEach(function (fix, number) {
      var edits = fix.edits.map(function (e) { return "«" + e.span.text + "» → «" + e.replacement + "»"; }).join("; ");
      list.appendChild(el("li", {}, [
        button("Исправить: " + fix.message, function () { applyFixes([[index, number]]); }, "primary"),
        el("span", { className: "edits", text: edits }),
      ]));
    });
    return list;
  }

  function explanation(rule, index) {
    var e = rule.explanation;
    return el("div", { className: "explanation", id: "explain-" + index, hidden: "" }, [
      el("p", { text: e.what }), el("p", { text: e.why }),
      el("h4", { text: "Плохо" }), el("pre", { text: e.bad }),
      el("h4", { text: "Лучше" }), el("pre", { text: e.good }),
    ]);
  }

  function button(text, onClick, className) {
    var b = el("button", { type: "button", className: className || "", text: text });
    b.addEventListener("click", onClick);
    return b;
  }

  /* ---------- linking highlights and findings ---------- */

  function highlight(index, on) {
    document.querySelectorAll(".backdrop mark").forEach(function (m) {
      if (m.getAttribute("data-findings").split(" ").indexOf(String(index)) >= 0) m.classList.toggle("active", on);
    });
  }

  function reveal(span) {
    var field = span.field === "title" ? titleInput : textArea;
    var at = unitIndex(field.value);
    field.focus();
    field.setSelectionRange(at(span.start), at(span.end));
    if (field === textArea) {
      var before = textArea.value.slice(0, at(span.start)).split("\n").length - 1;
      var lineHeight = parseFloat(getComputedStyle(textArea).lineHeight) || 22;
      window.scrollTo({ top: textArea.getBoundingClientRect().top + window.scrollY + before * lineHeight - window.innerHeight / 3, behavior: "smooth" });
    }
    showCaretHint();
  }

  function focusFinding(index) {
    var node = $("finding-" + index);
    if (!node) return;
    node.scrollIntoView({ behavior: "smooth", block: "center" });
    node.classList.remove("flash"); void node.offsetWidth; node.classList.add("flash");
    node.focus({ preventScroll: true });
  }

  /* The backdrop lets the pointer through to the field, so marks are found by their boxes. */
  function findingsAt(backdrop, x, y) {
    var marks = backdrop.querySelectorAll("mark");
    for (var i = 0; i < marks.length; i++) {
      var boxes = marks[i].getClientRects();
      for (var j = 0; j < boxes.length; j++) {
        var b = boxes[j];
        if (x >= b.left && x <= b.right && y >= b.top && y <= b.bottom) return marks[i].getAttribute("data-findings").split(" ").map(Number);
      }
    }
    return [];
  }

  function tooltipText(indices) {
    var report = state.report;
    return indices.map(function (i) {
      var f = report.findings[i];
      return WORD[f.severity] + ": " + f.message;
    });
  }

  function hover(field, backdrop) {
    field.addEventListener("mousemove", function (event) {
      if (!state.report) return;
      var indices = findingsAt(backdrop, event.clientX, event.clientY);
      if (!indices.length) { tooltip.hidden = true; return; }
      tooltip.textContent = "";
      tooltipText(indices).forEach(function (line) { tooltip.appendChild(el("strong", { text: line })); });
      tooltip.appendChild(el("span", { text: "Нажмите, чтобы перейти к замечанию." }));
      tooltip.hidden = false;
      var left = Math.min(event.clientX + 14, window.innerWidth - tooltip.offsetWidth - 8);
      tooltip.style.left = left + "px";
      tooltip.style.top = (event.clientY + 18) + "px";
    });
    field.addEventListener("mouseleave", function () { tooltip.hidden = true; });
    field.addEventListener("click", function (event) {
      var indices = state.report ? findingsAt(backdrop, event.clientX, event.clientY) : [];
      if (indices.length) focusFinding(indices[0]);
    });
  }

  /* For keyboard users: what the caret stands on, said below the text. */
  function showCaretHint() {
    var report = state.report, field = document.activeElement;
    caretHint.textContent = "";
    if (!report || (field !== textArea && field !== titleInput)) return;
    var name = field === titleInput ? "title" : "text", at = unitIndex(field.value), caret = field.selectionStart;
    var hits = [];
    report.findings.forEach(function (f, i) {
      if (f.span && f.span.field === name && at(f.span.start) <= caret && caret <= at(f.span.end)) hits.push(i);
    });
    if (hits.length) caretHint.textContent = "Здесь: " + tooltipText(hits).join(" ");
  }

  /* ---------- editor ---------- */

  function autoGrow() {
    textArea.style.height = "auto";
    textArea.style.height = Math.max(textArea.scrollHeight, 200) + "px";
  }

  async function upload(file) {
    if (!file) return;
    say("Читаю файл «" + file.name + "»…");
    try {
      var response = await fetch("/v1/extract?filename=" + encodeURIComponent(file.name), { method: "POST", body: file });
      var data = await response.json();
      if (!response.ok) throw new Error(data.error ? data.error.message : "ошибка " + response.status);
      textArea.value = data.text;
      state.format = data.format === "plain" ? null : data.format;
      say("Файл «" + file.name + "» загружен.");
      autoGrow();
      clearTimeout(state.timer);
      check();
    } catch (error) {
      say("Не удалось прочитать файл: " + error.message);
    }
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(fullText());
    } catch (error) {
      textArea.focus(); textArea.select(); document.execCommand("copy");
    }
    say("Текст скопирован.");
  }

  function download() {
    var blob = new Blob([fullText()], { type: "text/plain;charset=utf-8" });
    var link = el("a", { href: URL.createObjectURL(blob), download: "вакансия.txt" });
    document.body.appendChild(link); link.click(); link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    say("Файл «вакансия.txt» сохранён.");
  }

  async function load(path) {
    try { var r = await fetch(path); return r.ok ? r.json() : null; } catch (error) { return null; }
  }

  async function start() {
    var rules = await load("/v1/rules"), labels = await load("/v1/labels");
    (rules || []).forEach(function (r) { state.rules[r.code] = r; });
    state.labels = labels || {};
    titleInput.addEventListener("input", schedule);
    salaryInput.addEventListener("input", schedule);
    textArea.addEventListener("input", schedule);
    titleInput.addEventListener("scroll", function () { titleBackdrop.scrollLeft = titleInput.scrollLeft; });
    ["keyup", "click", "focus"].forEach(function (type) {
      textArea.addEventListener(type, showCaretHint); titleInput.addEventListener(type, showCaretHint);
    });
    hover(textArea, textBackdrop);
    hover(titleInput, titleBackdrop);
    $("fix-all").addEventListener("click", function () { applyFixes(null); });
    $("copy").addEventListener("click", copy);
    $("download").addEventListener("click", download);
    $("upload").addEventListener("click", function () { $("file").click(); });
    $("file").addEventListener("change", function () { upload($("file").files[0]); $("file").value = ""; });
    var drop = $("drop");
    drop.addEventListener("dragover", function (event) { event.preventDefault(); });
    drop.addEventListener("drop", function (event) {
      if (event.dataTransfer.files.length) { event.preventDefault(); upload(event.dataTransfer.files[0]); }
    });
    window.addEventListener("resize", function () { autoGrow(); renderMarks(state.report); });
    autoGrow();
    if (textArea.value.trim() || titleInput.value.trim()) schedule();
  }

  start();
})();
