/* global document, window, fetch */
// Checks the wanted code as the applicant types and announces the answer in the live region
// beside the field. The page works without this script: the server shows the same after saving.
(function () {
  'use strict';
  var region = document.getElementById('availability');
  var input = document.getElementById('request-code');
  if (!region || !input || !window.fetch) return;
  var form = input.form;
  var timer = 0;
  var latest = 0;

  function message(name, values) {
    var text = region.getAttribute('data-msg-' + name) || '';
    return text.replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : all;
    });
  }

  function countries() {
    var boxes = form ? form.querySelectorAll('input[name="countries"]:checked') : [];
    return Array.prototype.map.call(boxes, function (box) {
      return box.value;
    });
  }

  function countryName(code) {
    try {
      return new Intl.DisplayNames([document.documentElement.lang], { type: 'region' }).of(code);
    } catch {
      return code;
    }
  }

  function item(list, text, className) {
    var li = document.createElement('li');
    li.className = className;
    li.textContent = text;
    list.appendChild(li);
  }

  function show(report) {
    region.textContent = '';
    var list = document.createElement('ul');
    list.className = 'availability-list';
    report.countries.forEach(function (c) {
      item(
        list,
        message(c.availability, { id: c.country + '*' + report.code }),
        'availability--' + c.availability,
      );
    });
    report.heldAbroad.forEach(function (h) {
      var values = {
        code: report.code,
        name: h.organisationName || '',
        country: countryName(h.country),
        registry: h.registry,
      };
      item(
        list,
        message(h.organisationName ? 'abroad' : 'abroad-unnamed', values),
        'availability--abroad',
      );
    });
    region.appendChild(list);
    if (report.alternatives.length === 0) return;
    var intro = document.createElement('p');
    intro.textContent = message('alternatives', { code: report.code });
    region.appendChild(intro);
    var choices = document.createElement('ul');
    choices.className = 'availability-alternatives';
    report.alternatives.forEach(function (code) {
      var li = document.createElement('li');
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'link-button use-code';
      button.setAttribute('data-code', code);
      button.textContent = message('use-code', { code: code });
      li.appendChild(button);
      choices.appendChild(li);
    });
    region.appendChild(choices);
  }

  function say(text) {
    region.textContent = '';
    var p = document.createElement('p');
    p.textContent = text;
    region.appendChild(p);
  }

  function check() {
    var code = input.value.trim();
    var wanted = countries();
    if (!/^([A-Za-z]{2}[*-]?)?[A-Za-z0-9]{3}$/.test(code) || wanted.length === 0) {
      region.textContent = '';
      return;
    }
    var ticket = ++latest;
    say(message('checking', {}));
    var query =
      '?code=' + encodeURIComponent(code) + '&countries=' + encodeURIComponent(wanted.join(','));
    fetch('/api/v1/availability' + query, { headers: { accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (report) {
        if (ticket === latest) show(report);
      })
      .catch(function () {
        if (ticket === latest) say(message('unavailable', {}));
      });
  }

  function later() {
    window.clearTimeout(timer);
    timer = window.setTimeout(check, 400);
  }

  input.addEventListener('input', later);
  if (form) {
    form.addEventListener('change', function (event) {
      if (event.target && event.target.name === 'countries') later();
    });
  }
  // An alternative fills the field (server-rendered links and the buttons drawn above alike).
  region.addEventListener('click', function (event) {
    var target = event.target && event.target.closest ? event.target.closest('.use-code') : null;
    if (!target) return;
    event.preventDefault();
    input.value = target.getAttribute('data-code') || '';
    input.focus();
    check();
  });
})();
