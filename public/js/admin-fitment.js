// The product form's fitment rows, nicer with a script: the model picker only lists the chosen
// make's models, a changed title fetches the parser's suggestion, and rows are added in place.
// Without this file the same form works through its "suggest" and "add row" submit buttons.
(function () {
  'use strict';
  var box = document.querySelector('[data-fitment]');
  if (!box) return;
  var form = box.closest('form');
  var body = box.querySelector('[data-fit-rows]');
  var kind = box.querySelector('#fit-kind');
  var volts = box.querySelector('#fit-volts');
  var status = box.querySelector('[data-fit-status]');
  var title = form.querySelector('#f-title');
  var template = body.querySelector('[data-fit-row]').cloneNode(true);
  var pending = null;

  function filterModels(row) {
    var make = row.querySelector('[data-fit-make]').value;
    var model = row.querySelector('[data-fit-model]');
    model.querySelectorAll('optgroup').forEach(function (group) {
      var other = group.getAttribute('data-make') !== make;
      group.hidden = other;
      group.disabled = other;
    });
    var chosen = model.options[model.selectedIndex];
    if (chosen && chosen.parentNode.disabled) model.value = '';
  }

  function renumber() {
    body.querySelectorAll('[data-fit-row]').forEach(function (row, i) {
      row.querySelectorAll('[name]').forEach(function (el) { el.name = el.name.replace(/_\d+$/, '_' + i); });
      row.querySelectorAll('[id]').forEach(function (el) { el.id = el.id.replace(/-\d+$/, '-' + i); });
      row.querySelectorAll('label[for]').forEach(function (el) {
        el.htmlFor = el.htmlFor.replace(/-\d+$/, '-' + i);
      });
      row.querySelectorAll('label, .visually-hidden').forEach(function (el) {
        el.childNodes.forEach(function (n) { if (n.nodeType === 3) n.nodeValue = n.nodeValue.replace(/第 \d+ 行/, '第 ' + (i + 1) + ' 行'); });
      });
    });
  }

  function blankRow() {
    var row = template.cloneNode(true);
    row.querySelectorAll('select').forEach(function (s) { s.value = ''; });
    row.querySelectorAll('input').forEach(function (el) { if (el.type === 'checkbox') el.checked = false; else el.value = ''; });
    wire(row);
    return row;
  }

  function wire(row) {
    row.querySelector('[data-fit-make]').addEventListener('change', function () { filterModels(row); });
    filterModels(row);
  }

  function filledRows() {
    return Array.prototype.filter.call(body.querySelectorAll('[data-fit-row]'), function (row) {
      return row.querySelector('[data-fit-make]').value !== '';
    });
  }

  function apply(suggestion) {
    body.textContent = '';
    suggestion.rows.concat([null]).forEach(function (r) {
      var row = blankRow();
      body.appendChild(row);
      if (!r) return;
      row.querySelector('[data-fit-make]').value = r.make;
      filterModels(row);
      row.querySelector('[data-fit-model]').value = r.model;
      row.querySelector('[name^="fit_from_"]').value = r.from;
      row.querySelector('[name^="fit_to_"]').value = r.to;
      row.querySelector('[name^="fit_pos_"]').value = r.pos;
    });
    renumber();
    kind.value = suggestion.kind;
    volts.value = suggestion.volts;
    status.textContent = suggestion.notice + (suggestion.unresolved.length ? '（车型库缺少：' + suggestion.unresolved.join('、') + '）' : '');
  }

  function offer(suggestion) {
    status.textContent = '标题已变化，可采用新的适配建议：';
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary';
    button.setAttribute('data-fit-apply', '');
    button.textContent = '采用标题建议（' + (suggestion.rows.length ? suggestion.rows.length + ' 个车型' : '无车型') + '）';
    button.addEventListener('click', function () { apply(suggestion); });
    status.appendChild(button);
  }

  function suggest(auto) {
    var text = title.value.trim();
    if (!text) return;
    if (pending) pending.abort();
    pending = new AbortController();
    status.textContent = '正在按标题解析…';
    fetch(box.getAttribute('data-suggest-url') + '?title=' + encodeURIComponent(text), {
      headers: { Accept: 'application/json' }, credentials: 'same-origin', signal: pending.signal,
    }).then(function (res) {
      if (!res.ok) throw new Error(String(res.status));
      return res.json();
    }).then(function (suggestion) {
      // Rows an admin already chose are never overwritten without a click.
      if (!auto || filledRows().length === 0) apply(suggestion);
      else offer(suggestion);
    }).catch(function (err) {
      if (err && err.name === 'AbortError') return;
      status.textContent = '无法获取适配建议，可点击“按标题建议车型”重试';
    });
  }

  body.querySelectorAll('[data-fit-row]').forEach(wire);
  title.addEventListener('change', function () { suggest(true); });
  box.querySelector('[data-fit-suggest]').addEventListener('click', function (e) {
    e.preventDefault();
    suggest(false);
  });
  box.querySelector('[data-fit-add]').addEventListener('click', function (e) {
    e.preventDefault();
    body.appendChild(blankRow());
    renumber();
    if (kind.value !== 'vehicle') kind.value = 'vehicle';
  });
})();
