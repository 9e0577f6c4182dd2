// The status page's only script, no build step. It keeps the page current by polling the status API the page
// names (body data-poll) and, when the answer changes, swapping in the freshly server-rendered #live region;
// it keeps "… ago" texts current; and it sends the status API's own reconcile, suspend and resume requests
// with a token the person typed into this tab (sessionStorage, never sent anywhere else). Without it the page
// refreshes every 30 s (the <noscript> meta refresh) and has no actions.
(function () {
  'use strict';
  var POLL_MS = 5000;
  var TOKEN_KEY = 'switchman.apiToken';
  var lastAnswer = null;

  function relative(iso) {
    var seconds = Math.round((Date.now() - Date.parse(iso)) / 1000);
    var abs = Math.abs(seconds);
    var span = abs < 90 ? abs + ' s' : abs < 5400 ? Math.round(abs / 60) + ' min'
      : abs < 129600 ? Math.round(abs / 3600) + ' h' : Math.round(abs / 86400) + ' d';
    return seconds < 0 ? 'in ' + span : span + ' ago';
  }

  function tick() {
    document.querySelectorAll('[data-since]').forEach(function (e) { e.textContent = relative(e.dataset.since); });
  }

  function say(text, stale) {
    var status = document.getElementById('live-status');
    if (status) {
      status.textContent = text;
      status.classList.toggle('stale', stale);
    }
  }

  async function swap() {
    var html = await (await fetch(location.pathname, { cache: 'no-store' })).text();
    var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('live');
    var current = document.getElementById('live');
    if (fresh && current) {
      current.replaceWith(fresh);
      tick();
    }
  }

  async function poll() {
    var api = document.body.dataset.poll;
    if (!api || document.hidden) {
      return;
    }
    try {
      var answer = await (await fetch(api, { cache: 'no-store' })).text();
      if (lastAnswer !== null && answer !== lastAnswer) {
        await swap();
      }
      lastAnswer = answer;
      say('live · checked ' + new Date().toLocaleTimeString(), false);
    } catch (unreachable) {
      say('cannot reach the daemon: showing its last answer', true);
    }
  }

  function token() {
    return sessionStorage.getItem(TOKEN_KEY);
  }

  function showActions() {
    var has = Boolean(token());
    document.querySelectorAll('.actions').forEach(function (a) { a.hidden = !has; });
    var state = document.getElementById('token-state');
    if (state) {
      state.textContent = has ? 'A token is set for this tab: actions are shown.' : 'No token: the page is read-only.';
    }
  }

  async function act(button) {
    var box = button.closest('.actions');
    var out = document.getElementById('action-result');
    var url = box.dataset.api + '/' + button.dataset.action;
    var reason = box.querySelector('[name=reason]');
    if (button.dataset.action === 'suspend' && reason && reason.value.trim()) {
      url += '?reason=' + encodeURIComponent(reason.value.trim());
    }
    var response = await fetch(url, { method: 'POST', headers: { Authorization: 'Bearer ' + token() } });
    var body = {};
    try { body = await response.json(); } catch (notJson) { body = {}; }
    out.textContent = response.ok ? body.message : (body.reason || response.status) + ': ' + (body.message || '');
    out.className = 'action-result ' + (response.ok ? 'strip-ok' : 'strip-bad');
    if (response.status === 401) {
      sessionStorage.removeItem(TOKEN_KEY);
      showActions();
    }
    poll();
  }

  document.addEventListener('submit', function (event) {
    if (event.target.id !== 'token-form') {
      return;
    }
    event.preventDefault();
    var input = document.getElementById('token');
    if (input.value.trim()) {
      sessionStorage.setItem(TOKEN_KEY, input.value.trim());
    }
    input.value = '';
    showActions();
  });

  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-action]');
    if (button) {
      act(button);
    } else if (event.target.id === 'forget-token') {
      sessionStorage.removeItem(TOKEN_KEY);
      showActions();
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    showActions();
    tick();
    poll();
    setInterval(poll, POLL_MS);
    setInterval(tick, 1000);
  });
}());
