// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';
  // Variant picker: choosing a radio submits the no-JS form right away.
  document.querySelectorAll('.variant-picker input[type="radio"]').forEach(function (input) {
    input.addEventListener('change', function () { input.form.submit(); });
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
