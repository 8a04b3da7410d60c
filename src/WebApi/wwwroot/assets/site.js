// ComplianceGrains pages: small enhancements; every page works without them, and the server decides again on submit.
(function () {
  "use strict";

  // The answer of a question as the form would submit it (the shapes of submit_answers/).
  function answerOf(fieldset) {
    var type = fieldset.dataset.type;
    var inputs = Array.prototype.slice.call(fieldset.querySelectorAll("[name^='q-']"));
    if (type === "multi_select") {
      var chosen = inputs.filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
      return chosen.length ? chosen : null;
    }
    if (type === "file" || type === "multiple_files") return null;
    var input = inputs.filter(function (i) { return i.type !== "radio" || i.checked; })[0];
    var value = input ? input.value.trim() : "";
    if (value === "") return null;
    switch (type) {
      case "boolean": return value === "true";
      case "number": case "year": case "rating": return isNaN(Number(value)) ? value : Number(value);
      case "likert": return value === "na" ? "na" : Number(value);
      case "single_select": return [value];
      default: return value;
    }
  }

  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

  function asList(value) { return Array.isArray(value) ? value : [value]; }

  // The operators of BEHAVIOUR.md §2; a missing answer satisfies none.
  function matches(op, answer, required) {
    if (answer === null || answer === undefined) return false;
    switch (op) {
      case "equals": return same(answer, required);
      case "not_equals": return !same(answer, required);
      case "contains":
        return asList(required).some(function (item) {
          return typeof answer === "string" ? answer.indexOf(String(item)) >= 0 : asList(answer).some(function (a) { return same(a, item); });
        });
      case "in": case "not_in":
        var hit = asList(answer).some(function (a) { return asList(required).some(function (r) { return same(a, r); }); });
        return op === "in" ? hit : !hit;
      default: return false;
    }
  }

  function refreshVisibility(form) {
    var sets = Array.prototype.slice.call(form.querySelectorAll("fieldset.question"));
    var byId = {};
    sets.forEach(function (f) { byId[f.dataset.question] = f; });
    for (var pass = 0; pass < sets.length; pass++) {
      var changed = false;
      sets.forEach(function (f) {
        var depends = JSON.parse(f.dataset.depends || "[]");
        var visible = true;
        if (depends.length) {
          var holds = depends.map(function (d) {
            var other = byId[d.on];
            return !!other && !other.hidden && matches(d.op, answerOf(other), d.value);
          });
          visible = f.dataset.logic === "or" ? holds.some(Boolean) : holds.every(Boolean);
        }
        if (f.hidden === visible) { f.hidden = !visible; f.disabled = !visible; changed = true; }
        var guidance = f.querySelector(".guidance");
        if (guidance && f.dataset.guidance) {
          var condition = JSON.parse(f.dataset.guidance);
          guidance.hidden = !matches(condition.op, answerOf(f), condition.value);
        }
      });
      if (!changed) break;
    }
  }

  var tools = {
    minimal: [["bold", "B", "Bold"], ["italic", "I", "Italic"], ["link", "Link", "Link"]],
    standard: [["insertUnorderedList", "• List", "Bulleted list"], ["insertOrderedList", "1. List", "Numbered list"], ["h3", "Heading", "Heading"]],
    extended: [["blockquote", "Quote", "Quote"], ["pre", "Code", "Code"], ["table", "Table", "Table"]]
  };

  function codePoints(text) { return Array.from(text).length; }

  function richText(box) {
    var area = box.querySelector("textarea");
    var count = box.querySelector(".count");
    var limit = Number(box.dataset.limit) || 0;
    // The lowest and highest levels have had two names each (basic/minimal, full/extended).
    var level = { basic: "minimal", full: "extended" }[box.dataset.level] || box.dataset.level || "standard";
    var buttons = tools.minimal.concat(level !== "minimal" ? tools.standard : [], level === "extended" ? tools.extended : []);
    var toolbar = document.createElement("div");
    toolbar.className = "editor-toolbar";
    toolbar.setAttribute("role", "toolbar");
    toolbar.setAttribute("aria-label", "Formatting");
    var editor = document.createElement("div");
    editor.className = "editor";
    editor.contentEditable = "true";
    editor.setAttribute("role", "textbox");
    editor.setAttribute("aria-multiline", "true");
    editor.setAttribute("aria-labelledby", area.id + "-label");
    var label = box.parentElement.querySelector("label[for='" + area.id + "']");
    if (label) { label.id = area.id + "-label"; label.addEventListener("click", function () { editor.focus(); }); }
    editor.innerHTML = area.value;
    buttons.forEach(function (b) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = b[1];
      button.setAttribute("aria-label", b[2]);
      button.addEventListener("click", function () {
        editor.focus();
        if (b[0] === "link") { var url = prompt("Link address (https://…)"); if (url) document.execCommand("createLink", false, url); }
        else if (b[0] === "table") document.execCommand("insertHTML", false, "<table><tr><td>…</td><td>…</td></tr></table>");
        else if (b[0] === "h3" || b[0] === "blockquote" || b[0] === "pre") document.execCommand("formatBlock", false, b[0]);
        else document.execCommand(b[0]);
        sync();
      });
      toolbar.appendChild(button);
    });
    function sync() {
      var html = editor.textContent.trim() === "" && !editor.querySelector("img,table") ? "" : editor.innerHTML;
      area.value = html;
      var used = codePoints(html);
      if (count) {
        count.textContent = limit ? used + " of " + limit + " characters (formatting included)" : used + " characters";
        count.classList.toggle("over", !!limit && used > limit);
      }
    }
    editor.addEventListener("input", sync);
    area.hidden = true;
    area.parentNode.insertBefore(toolbar, area);
    area.parentNode.insertBefore(editor, area);
    sync();
  }

  function countryFilter(fieldset) {
    var filter = fieldset.querySelector(".country-filter");
    var select = fieldset.querySelector("select");
    if (!filter || !select) return;
    filter.hidden = false;
    filter.addEventListener("input", function () {
      var text = filter.value.trim().toLowerCase();
      Array.prototype.forEach.call(select.options, function (o) { o.hidden = !!o.value && text !== "" && o.text.toLowerCase().indexOf(text) < 0; });
    });
  }

  function fileLimits(input) {
    input.addEventListener("change", function () {
      var maxMb = Number(input.dataset.maxMb) || 0, maxCount = Number(input.dataset.maxCount) || 0, message = "";
      if (maxCount && input.files.length > maxCount) message = "Choose at most " + maxCount + " files.";
      Array.prototype.forEach.call(input.files, function (f) { if (maxMb && f.size > maxMb * 1048576) message = f.name + " is larger than " + maxMb + " MB."; });
      input.setCustomValidity(message);
      input.reportValidity();
    });
  }

  function followSync(box) {
    if (box.dataset.state !== "running") return;
    var timer = setInterval(function () {
      fetch(box.dataset.url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (s) {
          if (!s) return;
          var state = box.querySelector("#sync-state");
          state.textContent = s.state;
          state.className = "badge badge-" + s.state;
          box.querySelector("#sync-counts").textContent = s.processed.toLocaleString("en") + " of " + s.total.toLocaleString("en") + " offering users";
          var percent = s.total === 0 ? 100 : Math.round(s.processed * 1000 / s.total) / 10;
          box.querySelector(".progress .bar").style.width = percent + "%";
          box.querySelector(".progress").setAttribute("aria-valuenow", percent);
          box.querySelector(".percent").textContent = percent + " %";
          if (s.state !== "running") clearInterval(timer);
        });
    }, 1000);
  }


  // The checklist builder: only the fields of the chosen type, the condition controls of the chosen choice, drag reorder.
  function builderForm(form) {
    var typeSelect = form.querySelector("select.question-type");
    function refresh() {
      var type = typeSelect ? typeSelect.value : "";
      form.querySelectorAll("[data-types]").forEach(function (el) {
        var fits = el.dataset.types.split(" ").indexOf(type) >= 0;
        if (el.tagName === "OPTION") {
          el.hidden = !fits; el.disabled = !fits;
          if (!fits && el.selected) el.parentElement.value = "";
          return;
        }
        el.hidden = !fits;
        if (el.tagName === "FIELDSET") el.disabled = !fits;
        else el.querySelectorAll("input, select, textarea").forEach(function (i) { i.disabled = !fits; });
      });
      form.querySelectorAll("[data-saved-type]").forEach(function (el) {
        var same = el.dataset.savedType === type;
        el.querySelectorAll(".condition-when, .choices").forEach(function (c) {
          // "Every answer needs review" does not depend on the type and stays available.
          if (c.classList.contains("choices") && el.querySelector("input[name=review]")) {
            c.querySelectorAll("input[value=when]").forEach(function (r) { r.parentElement.classList.toggle("type-changed", !same); });
            return;
          }
          c.classList.toggle("type-changed", !same);
        });
        var note = el.querySelector(".type-note");
        if (note) note.hidden = same || !el.querySelector("input[value=when]:checked");
      });
      form.querySelectorAll(".condition-when").forEach(function (when) {
        var chosen = form.querySelector("input[name='" + when.dataset.when + "']:checked");
        when.hidden = !chosen || chosen.value !== "when";
      });
    }
    form.addEventListener("change", refresh);
    refresh();
  }

  function autoSubmit(select) {
    var form = select.form;
    form.querySelectorAll(".no-js").forEach(function (b) { b.hidden = true; });
    select.addEventListener("change", function () { if (select.value) form.submit(); });
  }

  function dragReorder(list) {
    var form = document.getElementById(list.dataset.reorder);
    if (!form) return;
    var hint = document.querySelector(".hint-drag");
    if (hint) hint.hidden = false;
    var dragged = null;
    list.querySelectorAll("li").forEach(function (item) {
      item.draggable = true;
      item.addEventListener("dragstart", function (e) { dragged = item; item.classList.add("dragging"); e.dataTransfer.effectAllowed = "move"; e.dataTransfer.setData("text/plain", item.dataset.id); });
      item.addEventListener("dragend", function () { item.classList.remove("dragging"); });
      item.addEventListener("dragover", function (e) {
        if (!dragged || dragged === item) return;
        e.preventDefault();
        var box = item.getBoundingClientRect();
        list.insertBefore(dragged, e.clientY < box.top + box.height / 2 ? item : item.nextSibling);
      });
      item.addEventListener("drop", function (e) { e.preventDefault(); });
    });
    list.addEventListener("drop", function (e) {
      e.preventDefault();
      if (!dragged) return;
      dragged = null;
      form.querySelector("input[name=order]").value = Array.prototype.map.call(list.querySelectorAll("li"), function (li) { return li.dataset.id; }).join(",");
      form.submit();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form.checklist");
    if (form) {
      form.addEventListener("input", function () { refreshVisibility(form); });
      form.addEventListener("change", function () { refreshVisibility(form); });
      form.querySelectorAll(".richtext").forEach(richText);
      form.querySelectorAll("fieldset[data-type='country']").forEach(countryFilter);
      form.querySelectorAll("input[type=file]").forEach(fileLimits);
      refreshVisibility(form);
    }
    document.querySelectorAll("form.builder-form").forEach(builderForm);
    document.querySelectorAll("select.auto-submit").forEach(autoSubmit);
    document.querySelectorAll("ol[data-reorder]").forEach(dragReorder);
    var sync = document.getElementById("sync");
    if (sync) followSync(sync);
    // Forms that destroy something ask first; without script they submit at once.
    document.querySelectorAll("form[data-confirm]").forEach(function (f) {
      f.addEventListener("submit", function (e) { if (!window.confirm(f.dataset.confirm)) e.preventDefault(); });
    });
  });
})();
