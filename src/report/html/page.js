(function () {
  'use strict';
  var doc = document;
  var form = doc.getElementById('filters');
  if (!form) { return; }
  var data = JSON.parse(doc.getElementById('baseline-data').textContent);
  var scheme = JSON.parse(doc.getElementById('baseline-scheme').textContent);
  var confidenceRank = { high: 0, medium: 1, low: 2 };
  var selected = new Set();
  var exportButton = doc.getElementById('export');

  function view() {
    var checked = form.querySelector('input[name=view]:checked');
    return checked ? checked.value : 'secrets';
  }
  function rows(which) {
    return Array.prototype.slice.call(
      doc.querySelectorAll('table[data-view="' + which + '"] tbody tr.row'));
  }
  function visibleRows() {
    return rows(view()).filter(function (tr) { return !tr.hidden; });
  }

  function filters() {
    var severities = {};
    form.querySelectorAll('input[name=severity]:checked').forEach(function (c) {
      severities[c.value] = true;
    });
    return {
      severities: severities,
      confidence: confidenceRank[form.elements.confidence.value],
      rule: form.elements.rule.value,
      verdict: form.elements.verdict.value,
      path: form.elements.path.value.trim().toLowerCase(),
      q: form.elements.q.value.trim().toLowerCase()
    };
  }

  function matches(tr, f) {
    var d = tr.dataset;
    if (!f.severities[d.severity]) { return false; }
    if ((confidenceRank[d.confidence] || 0) > f.confidence) { return false; }
    if (f.rule && d.rule !== f.rule) { return false; }
    if (f.verdict && d.verdict !== f.verdict) { return false; }
    if (f.path && d.paths.toLowerCase().indexOf(f.path) < 0) { return false; }
    if (f.q) {
      var words = f.q.split(/\s+/);
      var text = d.search;
      for (var i = 0; i < words.length; i++) {
        if (text.indexOf(words[i]) < 0) { return false; }
      }
    }
    return true;
  }

  function apply() {
    var f = filters();
    var current = view();
    doc.getElementById('by-secret').hidden = current !== 'secrets';
    doc.getElementById('by-file').hidden = current !== 'places';
    var shown = 0;
    var total = 0;
    ['secrets', 'places'].forEach(function (which) {
      rows(which).forEach(function (tr) {
        var ok = matches(tr, f);
        tr.hidden = !ok;
        if (which === current) {
          total++;
          if (ok) { shown++; }
        }
      });
    });
    var noun = current === 'secrets' ? 'secrets' : 'findings';
    doc.getElementById('shown').textContent =
      'Showing ' + shown + ' of ' + total + ' ' + noun + '; ' + selected.size + ' selected.';
    exportButton.disabled = selected.size === 0;
    exportButton.textContent = 'Export baseline' + (selected.size ? ' (' + selected.size + ')' : '');
  }

  function setSelected(tr, on) {
    var key = tr.dataset.key;
    if (on) { selected.add(key); } else { selected.delete(key); }
    tr.classList.toggle('selected', on);
    var box = tr.querySelector('td.sel input');
    if (box) { box.checked = on; }
  }

  /** The selection as a leakguard baseline file (what `baseline create` writes). */
  function baseline() {
    var seen = {};
    var entries = [];
    selected.forEach(function (key) {
      (data[key] || []).forEach(function (e) {
        var id = e.path + '\u0000' + e.rule_id + '\u0000' + e.fingerprint;
        if (!seen[id]) {
          seen[id] = true;
          entries.push({ path: e.path, rule_id: e.rule_id, fingerprint: e.fingerprint });
        }
      });
    });
    function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
    entries.sort(function (a, b) {
      return cmp(a.path, b.path) || cmp(a.rule_id, b.rule_id) || cmp(a.fingerprint, b.fingerprint);
    });
    var file = { version: 2 };
    if (scheme) { file.fingerprints = scheme; }
    file.findings = entries;
    return JSON.stringify(file, null, 2) + '\n';
  }

  function download() {
    if (!selected.size) { return; }
    var text = baseline();
    var link = doc.createElement('a');
    link.download = '.leakguard-baseline.json';
    link.href = 'data:application/json;charset=utf-8,' + encodeURIComponent(text);
    doc.body.appendChild(link);
    link.click();
    link.remove();
  }

  function sortBy(button) {
    var th = button.closest('th');
    var table = button.closest('table');
    var key = button.dataset.sort;
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    table.querySelectorAll('thead th').forEach(function (h) {
      if (h.hasAttribute('aria-sort')) { h.setAttribute('aria-sort', 'none'); }
    });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var column = Array.prototype.indexOf.call(th.parentNode.children, th);
    var body = table.tBodies[0];
    var list = Array.prototype.slice.call(body.rows);
    function value(tr) {
      var v = tr.getAttribute('data-sort-' + key);
      if (v === null) { v = tr.cells[column] ? tr.cells[column].textContent.trim() : ''; }
      return v;
    }
    list.sort(function (a, b) {
      var x = value(a);
      var y = value(b);
      var nx = Number(x);
      var ny = Number(y);
      var c = (x !== '' && y !== '' && !isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
      return ascending ? c : -c;
    });
    list.forEach(function (tr) { body.appendChild(tr); });
  }

  function focusedRow() {
    var el = doc.activeElement;
    return el && el.closest ? el.closest('tr.row') : null;
  }

  function move(step) {
    var list = visibleRows();
    if (!list.length) { return; }
    var at = list.indexOf(focusedRow());
    var next = at < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + step));
    list[next].focus();
    list[next].scrollIntoView({ block: 'nearest' });
  }

  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  doc.querySelectorAll('button.sort').forEach(function (b) {
    b.addEventListener('click', function () { sortBy(b); });
  });
  doc.querySelectorAll('td.sel input').forEach(function (box) {
    box.addEventListener('change', function () {
      setSelected(box.closest('tr'), box.checked);
      apply();
    });
  });
  doc.querySelectorAll('tr.row').forEach(function (tr) {
    tr.addEventListener('click', function (e) {
      if (e.target.closest('a, summary, input, button, details')) { return; }
      tr.focus();
    });
  });
  doc.getElementById('select-visible').addEventListener('click', function () {
    visibleRows().forEach(function (tr) { setSelected(tr, true); });
    apply();
  });
  doc.getElementById('select-none').addEventListener('click', function () {
    rows('secrets').concat(rows('places')).forEach(function (tr) { setSelected(tr, false); });
    apply();
  });
  exportButton.addEventListener('click', download);

  doc.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    var t = e.target;
    var typing = t && (t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' ||
      (t.tagName === 'INPUT' && t.type !== 'checkbox' && t.type !== 'radio'));
    if (typing) {
      if (e.key === 'Escape') { t.blur(); }
      return;
    }
    var row = focusedRow();
    switch (e.key) {
      case 'j': case 'ArrowDown': move(1); break;
      case 'k': case 'ArrowUp': move(-1); break;
      case 'x': case ' ':
        if (!row) { return; }
        setSelected(row, !selected.has(row.dataset.key));
        apply();
        break;
      case 'Enter':
        if (!row || t.tagName === 'SUMMARY' || t.tagName === 'A') { return; }
        var details = row.querySelector('details');
        if (details) { details.open = !details.open; }
        break;
      case '/': doc.getElementById('search').focus(); break;
      case 'e': download(); break;
      default: return;
    }
    e.preventDefault();
  });

  var opened = [];
  window.addEventListener('beforeprint', function () {
    opened = Array.prototype.slice.call(doc.querySelectorAll('details:not([open])'));
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener('afterprint', function () {
    opened.forEach(function (d) { d.open = false; });
  });

  // For scripted checks of the page (the test suite drives it in a browser).
  window.leakguardReport = {
    apply: apply,
    baseline: baseline,
    select: function (key, on) { setSelected(doc.getElementById(key), on !== false); apply(); },
    visibleKeys: function () { return visibleRows().map(function (tr) { return tr.dataset.key; }); }
  };
  apply();
}());
