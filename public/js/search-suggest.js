// As-you-type suggestions for the header search box: an ARIA 1.2 combobox over /api/suggest.
// Without this file the box is a plain GET form to /search.
(function () {
  'use strict';
  var input = document.getElementById('site-search');
  if (!input || !window.fetch) return;
  var form = input.form;
  var list = document.createElement('ul');
  list.id = 'site-search-suggestions';
  list.className = 'suggest-list';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', '搜索建议');
  list.hidden = true;
  form.appendChild(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);

  var items = [];
  var active = -1;
  var timer = null;
  var controller = null;
  var TYPE_LABEL = { query: '搜索', product: '商品', article: '资讯', category: '分类' };

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function highlight(text, query) {
    var frag = document.createDocumentFragment();
    var q = query.trim();
    var at = q ? text.toLowerCase().indexOf(q.toLowerCase()) : -1;
    if (at < 0) {
      frag.appendChild(document.createTextNode(text));
      return frag;
    }
    frag.appendChild(document.createTextNode(text.slice(0, at)));
    var mark = document.createElement('mark');
    mark.textContent = text.slice(at, at + q.length);
    frag.appendChild(mark);
    frag.appendChild(document.createTextNode(text.slice(at + q.length)));
    return frag;
  }

  function setActive(index) {
    items.forEach(function (li, i) { li.setAttribute('aria-selected', i === index ? 'true' : 'false'); });
    active = index;
    if (index >= 0) input.setAttribute('aria-activedescendant', items[index].id);
    else input.removeAttribute('aria-activedescendant');
  }

  function render(suggestions, query) {
    list.textContent = '';
    items = suggestions.map(function (s, i) {
      var li = document.createElement('li');
      li.id = 'suggestion-' + i;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      // Completions first, then products, then categories: the server decides the order.
      li.className = 'suggest-' + (TYPE_LABEL[s.type] ? s.type : 'other');
      li.dataset.url = s.url;
      if (s.image) {
        var img = document.createElement('img');
        img.src = s.image;
        img.alt = '';
        img.width = 36;
        img.height = 36;
        li.appendChild(img);
      }
      var span = document.createElement('span');
      span.appendChild(highlight(s.title, query));
      li.appendChild(span);
      var type = document.createElement('span');
      type.className = 'suggest-type';
      type.textContent = TYPE_LABEL[s.type] || '';
      li.appendChild(type);
      li.addEventListener('mousedown', function (e) { e.preventDefault(); go(s.url); });
      list.appendChild(li);
      return li;
    });
    list.hidden = items.length === 0;
    input.setAttribute('aria-expanded', items.length ? 'true' : 'false');
    active = -1;
  }

  function go(url) {
    if (typeof url === 'string' && url.charAt(0) === '/' && url.charAt(1) !== '/') window.location.assign(url);
  }

  function fetchSuggestions() {
    var q = input.value.trim();
    if (!q) return close();
    if (controller) controller.abort();
    controller = new AbortController();
    fetch('/api/suggest?q=' + encodeURIComponent(q), { signal: controller.signal, headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
      .then(function (body) { if (input.value.trim() === q) render(body.suggestions || [], q); })
      .catch(function () { /* aborted or offline: the form still submits */ });
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 150);
  });
  input.addEventListener('keydown', function (e) {
    if (list.hidden) return;
    if (e.key === 'ArrowDown') { e.preventDefault(); setActive((active + 1) % items.length); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); setActive(active <= 0 ? items.length - 1 : active - 1); }
    else if (e.key === 'Enter' && active >= 0) { e.preventDefault(); go(items[active].dataset.url); }
    else if (e.key === 'Escape') { close(); }
  });
  input.addEventListener('blur', function () { setTimeout(close, 100); });
})();
