// Shared by the officers' own pages of Một Cửa (/tiep-nhan/, /giam-sat/, /quy-trinh/): the login with the
// system's account (HTTP Basic, kept in this tab's sessionStorage only, never in a cookie or on disk) and
// the calls to /api with it. A failed call throws an Error whose message is the server's Vietnamese one.
// No framework, no external resources.
(function () {
  'use strict';
  const KEY = 'motcua.auth';
  const USER = 'motcua.user';
  let auth = sessionStorage.getItem(KEY);
  let user = sessionStorage.getItem(USER);

  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  /** fetch() with the officer's login; a response that is not 2xx throws its Vietnamese message. */
  async function api(path, options) {
    const o = Object.assign({}, options || {});
    o.headers = Object.assign({ Authorization: 'Basic ' + auth, Accept: 'application/json' },
      o.body && typeof o.body === 'string' ? { 'Content-Type': 'application/json' } : {}, o.headers || {});
    let res;
    try {
      res = await fetch(path, o);
    } catch (e) {
      const err = new Error('Không kết nối được với máy chủ. Kiểm tra mạng rồi thử lại.'); err.status = 0; throw err;
    }
    if (!res.ok) {
      let msg = 'Lỗi ' + res.status;
      let fields = null;
      try { const body = await res.json(); msg = body.message || msg; fields = body.errors || body.fields || null; } catch (e) { /* not JSON */ }
      if (res.status === 401) msg = 'Sai tên đăng nhập hoặc mật khẩu.';
      const err = new Error(msg); err.status = res.status; err.fields = fields; throw err;
    }
    return res;
  }

  async function json(path, options) { return (await api(path, options)).json(); }

  /**
   * Wires the page's login form (#login-form, #login-error, #login, #app): {@code start} loads the page
   * for the officer and throws when the login is wrong; a login kept in the tab is tried again on load.
   */
  function login(start) {
    const form = document.querySelector('#login-form');
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      auth = btoa(unescape(encodeURIComponent(form.user.value + ':' + form.password.value)));
      user = form.user.value;
      try {
        await start();
        sessionStorage.setItem(KEY, auth);
        sessionStorage.setItem(USER, user);
        document.querySelector('#login').hidden = true;
        document.querySelector('#app').hidden = false;
      } catch (err) {
        document.querySelector('#login-error').textContent = err.message;
      }
    });
    if (auth) {
      start().then(() => {
        document.querySelector('#login').hidden = true;
        document.querySelector('#app').hidden = false;
      }, () => { sessionStorage.removeItem(KEY); sessionStorage.removeItem(USER); auth = null; });
    }
  }

  /** Opens a file the API serves (a PDF form, an export) in a new tab, with the officer's login. */
  async function open(path) {
    const res = await api(path, { headers: { Accept: '*/*' } });
    const url = URL.createObjectURL(await res.blob());
    window.open(url, '_blank');
  }

  window.MotCua = { api, json, login, open, esc, user: () => user };
})();
