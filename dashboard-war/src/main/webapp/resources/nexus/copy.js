// Copy buttons of the dashboard pages. A button with data-copy copies that value; a button with
// data-copy-target copies the text of the element with that id. Loaded as a file, because the
// content security policy allows no inline script.
(function () {
  'use strict';

  function fallbackCopy(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try {
      copied = document.execCommand('copy');
    } catch (e) {
      copied = false;
    }
    document.body.removeChild(area);
    return copied ? Promise.resolve() : Promise.reject(new Error('copy failed'));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        return fallbackCopy(text);
      });
    }
    return fallbackCopy(text);
  }

  function report(button, label) {
    var original = button.getAttribute('data-label') || button.textContent;
    button.setAttribute('data-label', original);
    button.textContent = label;
    window.setTimeout(function () {
      button.textContent = original;
    }, 1500);
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-copy], button[data-copy-target]');
    if (!button) {
      return;
    }
    var text = button.getAttribute('data-copy');
    if (text === null) {
      var target = document.getElementById(button.getAttribute('data-copy-target'));
      text = target ? target.textContent : '';
    }
    copy(text).then(function () {
      report(button, 'Copied');
    }, function () {
      report(button, 'Copy failed');
    });
  });
})();
