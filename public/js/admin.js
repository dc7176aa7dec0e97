// Back-office enhancements. Every form works without this file; CSP forbids inline scripts.
(function () {
  'use strict';
  var meta = document.querySelector('meta[name="csrf-token"]');
  var csrf = meta ? meta.getAttribute('content') : '';
  var MAX_FILES = 10;
  var MAX_BYTES = 15 * 1024 * 1024;

  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (!window.confirm(form.getAttribute('data-confirm'))) e.preventDefault();
    });
  });

  function post(url, body, onDone) {
    var xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.onload = function () { onDone(xhr); };
    xhr.onerror = function () { onDone(xhr); };
    xhr.send(body);
    return xhr;
  }

  function errorText(xhr) {
    try {
      var data = JSON.parse(xhr.responseText);
      if (data && data.error && data.error.message) return data.error.message;
    } catch { /* not JSON: fall through to the status line */ }
    return '上传失败（' + (xhr.status || '网络错误') + '）';
  }

  // Drag and drop with a real progress bar; one alt field per chosen file.
  document.querySelectorAll('form[data-upload]').forEach(function (form) {
    var input = form.querySelector('input[type="file"]');
    var zone = form.querySelector('[data-drop-zone]');
    var hint = form.querySelector('[data-drop-hint]');
    var altList = form.querySelector('[data-alt-list]');
    var shared = form.querySelector('[data-shared-alt]');
    var progress = form.querySelector('[data-progress]');
    var status = form.querySelector('[data-upload-status]');
    var files = [];
    if (hint) hint.hidden = false;

    function render() {
      altList.textContent = '';
      files.forEach(function (file, i) {
        var row = document.createElement('div');
        row.className = 'field';
        var label = document.createElement('label');
        label.htmlFor = 'alt-new-' + i;
        label.textContent = '“' + file.name + '”的替代文字（必填）';
        var alt = document.createElement('input');
        alt.id = 'alt-new-' + i;
        alt.required = true;
        alt.maxLength = 300;
        alt.setAttribute('data-alt-for', String(i));
        row.appendChild(label);
        row.appendChild(alt);
        altList.appendChild(row);
      });
      shared.hidden = files.length > 0;
      shared.querySelector('input').required = files.length === 0;
    }

    function choose(list) {
      files = Array.prototype.slice.call(list, 0, MAX_FILES);
      if (list.length > MAX_FILES) status.textContent = '一次最多上传 ' + MAX_FILES + ' 张，其余已忽略';
      else status.textContent = '';
      var big = files.filter(function (f) { return f.size > MAX_BYTES; });
      if (big.length) status.textContent = '“' + big[0].name + '”超过 15 MB';
      render();
    }

    input.addEventListener('change', function () { choose(input.files); });
    ['dragenter', 'dragover'].forEach(function (type) {
      zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add('dragging'); });
    });
    ['dragleave', 'drop'].forEach(function (type) {
      zone.addEventListener(type, function () { zone.classList.remove('dragging'); });
    });
    zone.addEventListener('drop', function (e) {
      e.preventDefault();
      if (e.dataTransfer && e.dataTransfer.files) {
        input.required = false;
        choose(e.dataTransfer.files);
      }
    });

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      if (files.length === 0) { status.textContent = '请选择要上传的图片'; return; }
      var alts = altList.querySelectorAll('input[data-alt-for]');
      for (var i = 0; i < alts.length; i++) {
        if (!alts[i].value.trim()) { status.textContent = '每张图片都需要填写替代文字'; alts[i].focus(); return; }
      }
      var body = new FormData();
      alts.forEach(function (a) { body.append('alt', a.value.trim()); });
      files.forEach(function (f) { body.append('images', f, f.name); });
      progress.hidden = false;
      progress.value = 0;
      status.textContent = '正在上传…';
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.setRequestHeader('X-CSRF-Token', csrf);
      xhr.upload.onprogress = function (ev) {
        if (ev.lengthComputable) progress.value = Math.round((ev.loaded / ev.total) * 100);
      };
      xhr.upload.onload = function () { status.textContent = '正在处理图片…'; };
      xhr.onload = function () {
        if (xhr.status === 201) {
          progress.value = 100;
          status.textContent = '上传完成';
          window.location.assign(form.action.replace(/\/images$/, '/edit') + '?notice=images#images');
        } else {
          status.textContent = errorText(xhr);
        }
      };
      xhr.onerror = function () { status.textContent = '网络错误，上传未完成'; };
      xhr.send(body);
    });
  });

  // Drag to reorder; the first image is the cover. Buttons remain for keyboards and no-JS.
  document.querySelectorAll('.image-list[data-order-url]').forEach(function (list) {
    var dragged = null;
    list.querySelectorAll('.image-item').forEach(function (item) {
      item.draggable = true;
      item.addEventListener('dragstart', function () { dragged = item; item.classList.add('dragging'); });
      item.addEventListener('dragend', function () { item.classList.remove('dragging'); });
      item.addEventListener('dragover', function (e) {
        e.preventDefault();
        if (!dragged || dragged === item) return;
        var box = item.getBoundingClientRect();
        list.insertBefore(dragged, e.clientY > box.top + box.height / 2 ? item.nextSibling : item);
      });
      item.addEventListener('drop', function (e) {
        e.preventDefault();
        var order = Array.prototype.map.call(list.querySelectorAll('.image-item'), function (li) { return li.getAttribute('data-image-id'); });
        var body = new URLSearchParams();
        body.set('order', order.join(','));
        post(list.getAttribute('data-order-url'), body, function (xhr) {
          if (xhr.status === 200) window.location.reload();
          else window.alert(errorText(xhr));
        });
      });
    });
  });
})();
