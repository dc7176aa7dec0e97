// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';
  // Variant picker: the chosen variant's price and stock state replace the page's headline ones.
  var price = document.querySelector('.buy-box .price.big');
  var stockLine = document.querySelector('[data-stock-state]');
  document.querySelectorAll('.variant-picker input[type="radio"]').forEach(function (input) {
    input.addEventListener('change', function () {
      document.querySelectorAll('.variant-picker .variant').forEach(function (label) {
        label.classList.toggle('selected', label.contains(input));
      });
      var stock = Number(input.getAttribute('data-stock'));
      if (price) price.textContent = input.getAttribute('data-price');
      if (stockLine) {
        stockLine.textContent = stock <= 0 ? '缺货' : stock <= 5 ? '仅剩 ' + stock + ' 件' : '现货';
        stockLine.className = 'stock ' + (stock <= 0 ? 'out' : stock <= 5 ? 'low' : 'in');
      }
    });
  });
})();

// Cart count in the header: page-cached pages can't know whose cart it is, so it is fetched;
// "add to cart" posts in place and updates it. Without this file the form posts and /cart opens.
(function () {
  'use strict';
  var counters = document.querySelectorAll('[data-cart-count]');
  function show(count) {
    counters.forEach(function (el) { el.textContent = count > 0 ? '（' + count + '）' : ''; });
  }
  if (counters.length && !document.querySelector('[data-cart-count]').textContent) {
    fetch('/cart/count', { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (res) { return res.ok ? res.json() : null; })
      .then(function (data) { if (data) show(data.count); })
      .catch(function () { /* the link still leads to the cart */ });
  }
  document.querySelectorAll('form[data-add-to-cart]').forEach(function (form) {
    var status = form.querySelector('[data-add-status]');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var body = new URLSearchParams(new FormData(form));
      fetch(form.action, { method: 'POST', body: body, headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (res) { return res.json().then(function (data) { return { ok: res.ok, data: data }; }); })
        .then(function (r) {
          if (r.ok) {
            show(r.data.count);
            if (status) status.innerHTML = '已加入购物车 · <a href="/cart">去结算</a>';
          } else if (status) {
            status.textContent = (r.data.error && r.data.error.message) || '加入购物车失败';
          }
        })
        .catch(function () { form.submit(); });
    });
  });
})();

// Vehicle picker: fills model and year from /api/vehicles/* so make → model → year is one
// form; without this file the form submits the make and /garage/select asks for the rest.
(function () {
  'use strict';
  function reset(select) {
    while (select.options.length > 1) select.remove(1);
    select.value = '';
    select.disabled = true;
  }
  function fill(select, items) {
    reset(select);
    items.forEach(function (item) { select.add(new window.Option(item[1], item[0])); });
    select.disabled = items.length === 0;
  }
  function load(url, done) {
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (res) { return res.ok ? res.json() : null; })
      .then(function (data) { if (data) done(data); })
      .catch(function () { /* the submit button still works: the server asks for what is missing */ });
  }
  document.querySelectorAll('form[data-vehicle-picker]').forEach(function (form) {
    var make = form.querySelector('[data-picker="make"]');
    var model = form.querySelector('[data-picker="model"]');
    var year = form.querySelector('[data-picker="year"]');
    if (!make || !model || !year) return;
    form.classList.add('picker-enhanced');
    if (!make.value) { reset(model); reset(year); }
    make.addEventListener('change', function () {
      reset(model);
      reset(year);
      if (!make.value) return;
      load('/api/vehicles/models?make=' + encodeURIComponent(make.value), function (data) {
        fill(model, data.models.map(function (m) { return [m.slug, m.name + '（' + m.yearFrom + '–' + (m.yearTo || '至今') + '）']; }));
      });
    });
    model.addEventListener('change', function () {
      reset(year);
      if (!model.value) return;
      load('/api/vehicles/years?make=' + encodeURIComponent(make.value) + '&model=' + encodeURIComponent(model.value), function (data) {
        fill(year, data.years.map(function (y) { return [String(y), y + '款']; }));
      });
    });
  });
})();
