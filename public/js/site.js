// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';
  // Variant picker: choosing a radio submits the no-JS form right away.
  document.querySelectorAll('.variant-picker input[type="radio"]').forEach(function (input) {
    input.addEventListener('change', function () { input.form.submit(); });
  });
})();
