// The public petition page (docs/petitions.md): submit, follow, clarify, search published answers.
// Every text from the server is set with textContent, never as HTML.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const api = '../api/public/petitions';
  const fmt = (iso) => iso ? new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : '—';

  function showError(el, body) {
    let text = (body && body.message) || 'Không thực hiện được, vui lòng thử lại.';
    if (body && body.fields) {
      text += ' ' + Object.values(body.fields).join(' ');
    }
    el.textContent = text;
    el.hidden = false;
  }

  async function call(url, options) {
    const response = await fetch(url, options);
    let body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    return { ok: response.ok, status: response.status, body };
  }

  async function loadUnits() {
    const r = await call(api + '/units');
    if (!r.ok) return;
    for (const u of r.body) {
      const o = document.createElement('option');
      o.value = u.key;
      o.textContent = u.name;
      $('unit').appendChild(o);
    }
  }

  let key = null;
  $('submit').addEventListener('submit', async (e) => {
    e.preventDefault();
    $('submit-error').hidden = true;
    $('submit-ok').hidden = true;
    const petition = {};
    for (const f of ['unit', 'subject', 'content', 'dossierCode', 'name', 'phone', 'email', 'address']) {
      const v = $(f).value.trim();
      if (v) petition[f] = v;
    }
    const data = new FormData();
    data.append('petition', new Blob([JSON.stringify(petition)], { type: 'application/json' }));
    for (const file of $('files').files) data.append('files', file);
    key = key || (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2));
    const r = await call(api, { method: 'POST', body: data, headers: { 'Idempotency-Key': key } });
    if (!r.ok) { showError($('submit-error'), r.body); return; }
    key = null;
    $('submit-ok').textContent = 'Đã gửi. Mã phản ánh của ông/bà: ' + r.body.code
      + ' (' + r.body.receivingUnitName + '). Hãy ghi lại mã này để theo dõi; bấm "Xem tình trạng" bên dưới '
      + 'để tải phiếu tiếp nhận.';
    $('submit-ok').hidden = false;
    $('f-code').value = r.body.code;
    $('f-phone').value = $('phone').value.trim();
    $('submit').reset();
  });

  function render(p) {
    $('p-code').textContent = p.code;
    $('p-subject').textContent = p.subject;
    $('p-status').textContent = p.statusName;
    $('p-receiving').textContent = p.receivingUnitName;
    $('p-handling').textContent = p.handlingUnitName;
    $('p-received').textContent = fmt(p.receivedAt);
    $('p-due').textContent = fmt(p.answerDueAt);
    $('p-answer-box').hidden = !p.answer;
    $('p-answer').textContent = p.answer || '';
    const list = $('p-progress');
    list.replaceChildren();
    for (const s of p.progress) {
      const li = document.createElement('li');
      li.textContent = fmt(s.at) + ' — ' + s.what + (s.text ? ': ' + s.text : '');
      list.appendChild(li);
    }
    $('clarify').hidden = p.status !== 'AWAITING_CLARIFICATION';
    $('petition').hidden = false;
  }

  async function follow() {
    $('follow-error').hidden = true;
    const r = await call(api + '/lookup', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: $('f-code').value.trim(), phone: $('f-phone').value.trim() }) });
    if (!r.ok) { $('petition').hidden = true; showError($('follow-error'), r.body); return; }
    render(r.body);
  }
  $('follow').addEventListener('submit', (e) => { e.preventDefault(); follow(); });

  // the receipt (phiếu tiếp nhận) as PDF, with the same code and phone as the follow-up
  $('p-receipt').addEventListener('click', async () => {
    $('receipt-error').hidden = true;
    const response = await fetch(api + '/receipt', { method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/pdf, application/json' },
      body: JSON.stringify({ code: $('f-code').value.trim(), phone: $('f-phone').value.trim() }) });
    if (!response.ok) {
      let body = null;
      try { body = await response.json(); } catch (e) { body = null; }
      showError($('receipt-error'), body);
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = 'phieu-tiep-nhan-' + $('f-code').value.trim() + '.pdf';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  });

  $('clarify').addEventListener('submit', async (e) => {
    e.preventDefault();
    $('clarify-error').hidden = true;
    const code = encodeURIComponent($('f-code').value.trim());
    const r = await call(api + '/' + code + '/clarification', { method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ phone: $('f-phone').value.trim(), text: $('c-text').value }) });
    if (!r.ok) { showError($('clarify-error'), r.body); return; }
    render(r.body);
  });

  $('search').addEventListener('submit', async (e) => {
    e.preventDefault();
    $('search-error').hidden = true;
    const r = await call(api + '/answers?q=' + encodeURIComponent($('q').value.trim()));
    const list = $('answers');
    list.replaceChildren();
    if (!r.ok) { showError($('search-error'), r.body); return; }
    if (r.body.length === 0) {
      const li = document.createElement('li');
      li.textContent = 'Chưa có kết quả trả lời phù hợp.';
      list.appendChild(li);
    }
    for (const a of r.body) {
      const li = document.createElement('li');
      const h = document.createElement('strong');
      h.textContent = a.subject;
      const meta = document.createElement('p');
      meta.className = 'hint';
      meta.textContent = a.code + ' — ' + a.agencyName + ' — công khai ' + fmt(a.publishedAt);
      const q = document.createElement('p');
      q.textContent = a.content;
      const ans = document.createElement('p');
      ans.className = 'pre';
      ans.textContent = 'Trả lời: ' + a.answer;
      li.append(h, meta, q, ans);
      list.appendChild(li);
    }
  });

  const params = new URLSearchParams(location.search);
  if (params.get('ma')) $('f-code').value = params.get('ma');
  loadUnits();
})();
