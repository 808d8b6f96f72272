// Reception page of Một Cửa (/tiep-nhan/): the one-stop officer finds the procedure among hundreds by its
// code or words of its name, with or without diacritics (/api/public/procedures/search), ticks the
// documents the applicant brought, types the applicant and registers the dossier (POST /api/dossiers,
// channel DIRECT). The check, the scans and the receipt (form 01) follow in Tasklist's "Kiểm tra hồ sơ".
(function () {
  'use strict';
  const $ = (s) => document.querySelector(s);
  const esc = MotCua.esc;
  const nf = new Intl.NumberFormat('vi-VN');
  const LEVEL = { COMMUNE: 'cấp xã', PROVINCE: 'cấp tỉnh' };
  const state = { procedure: null, units: [], searchSeq: 0 };

  async function start() {
    const units = await MotCua.json('/api/dossiers/reception-units');
    state.units = units;
    const sel = $('#register').receivingUnit;
    sel.length = 0;
    units.forEach((u) => sel.add(new Option(u.name, u.key)));
    $('#unit-row').hidden = units.length <= 1;
    $('#who').textContent = 'Cán bộ tiếp nhận: ' + (units.length ? MotCua.user() + ' — ' + units.map((u) => u.name).join(', ')
      : MotCua.user());
    if (!units.length) {
      $('#search-hint').textContent = 'Tài khoản này không phải cán bộ tiếp nhận của Bộ phận Một cửa nào: không đăng ký hồ sơ được.';
      $('#search').disabled = true;
    }
  }
  MotCua.login(start);

  // ---------- 1. the procedure ----------
  let timer = null;
  $('#search').addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(find, 250);
  });
  $('#search').addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { e.preventDefault(); clearTimeout(timer); find(); }
  });

  async function find() {
    const q = $('#search').value.trim();
    const seq = ++state.searchSeq;
    if (q.length < 2) { $('#matches').innerHTML = ''; return; }
    try {
      const matches = await MotCua.json('/api/public/procedures/search?limit=30&q=' + encodeURIComponent(q));
      if (seq !== state.searchSeq) return; // an older answer, overtaken by what the officer typed since
      $('#search-hint').textContent = matches.length ? 'Chọn một thủ tục (' + matches.length + ' kết quả).'
        : 'Không tìm thấy thủ tục nào. Thử mã thủ tục hoặc ít từ hơn.';
      $('#matches').innerHTML = matches.map((m, i) => '<li><button type="button" data-i="' + i + '">'
        + esc(m.name) + ' <span class="code">— ' + esc(m.code || m.key) + ' · ' + esc(m.field || '') + ' · '
        + esc(LEVEL[m.level] || m.level || '') + ' · ' + m.statutoryDays + ' ngày làm việc'
        + (m.fee ? ' · lệ phí ' + nf.format(m.fee) + ' đồng' : '') + '</span></button></li>').join('');
      $('#matches').querySelectorAll('button').forEach((b) => b.addEventListener('click', () => choose(matches[b.dataset.i])));
    } catch (err) {
      $('#search-hint').textContent = err.message;
    }
  }

  async function choose(match) {
    const p = await MotCua.json('/api/public/procedures/' + encodeURIComponent(match.key));
    state.procedure = p;
    $('#matches').innerHTML = '';
    $('#search').value = p.name;
    $('#search-hint').textContent = 'Đã chọn. Gõ lại để chọn thủ tục khác.';
    $('#chosen').textContent = p.name;
    $('#chosen-facts').textContent = 'Mã ' + (p.code || p.key) + ' · ' + (LEVEL[p.level] || p.level || '') + ' · thời hạn '
      + p.statutoryDays + ' ngày làm việc' + (p.fee ? ' · lệ phí ' + nf.format(p.fee) + ' đồng' : ' · không thu lệ phí');
    $('#documents').innerHTML = '<tr><th>Mang đến</th><th>Giấy tờ</th><th>Số bản</th></tr>'
      + (p.documents || []).map((d, i) => '<tr><td><input type="checkbox" checked data-doc="' + i + '" aria-label="'
      + esc(d) + '"></td><td>' + esc(d) + '</td><td class="copies"><input type="number" min="1" max="20" value="1" data-copies="'
      + i + '" aria-label="Số bản: ' + esc(d) + '"></td></tr>').join('');
    state.extra = 0;
    $('#register').hidden = false;
    $('#done').hidden = true;
    $('#register-error').textContent = '';
    $('#register').name.focus();
  }

  // ---------- 2. the dossier ----------
  // a paper the applicant brought that the procedure does not list (typed by the officer)
  $('#add-document').addEventListener('click', () => {
    const i = 'x' + (state.extra = (state.extra || 0) + 1);
    $('#documents').insertAdjacentHTML('beforeend', '<tr><td><input type="checkbox" checked data-doc="' + i
      + '" aria-label="Mang đến"></td><td><input type="text" maxlength="300" data-name="' + i
      + '" placeholder="Tên giấy tờ" aria-label="Tên giấy tờ khác"></td><td class="copies"><input type="number" min="1" max="20" value="1" data-copies="'
      + i + '" aria-label="Số bản"></td></tr>');
    $('#documents').querySelector('[data-name="' + i + '"]').focus();
  });

  $('#register').addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = e.target;
    f.querySelectorAll('.field-error').forEach((x) => x.remove());
    $('#register-error').textContent = '';
    const p = state.procedure;
    const listed = (p.documents || []).map((name, i) => ({ name, i }));
    const typed = [...f.querySelectorAll('#documents [data-name]')]
      .map((x) => ({ name: x.value.trim(), i: x.dataset.name })).filter((d) => d.name);
    const documents = listed.concat(typed)
      .filter((d) => f.querySelector('[data-doc="' + d.i + '"]').checked)
      .map((d) => ({ name: d.name, copies: Number(f.querySelector('[data-copies="' + d.i + '"]').value) || 1 }));
    const body = {
      procedureKey: p.key, channel: 'DIRECT', receivingUnit: f.receivingUnit.value || null,
      applicant: { name: f.name.value, idNumber: f.idNumber.value, phone: f.phone.value, email: f.email.value || null,
        address: f.address.value, representative: f.representative.value || null },
      requestSummary: f.requestSummary.value, documents };
    const button = f.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const d = await MotCua.json('/api/dossiers', { method: 'POST', body: JSON.stringify(body) });
      $('#done-code').textContent = d.code;
      $('#done-facts').textContent = d.procedureName + ' · ' + d.applicant.name + ' · ' + d.receivingUnitName + ' · '
        + documents.length + ' giấy tờ';
      $('#register').hidden = true;
      $('#done').hidden = false;
    } catch (err) {
      $('#register-error').textContent = err.message;
      Object.entries(err.fields || {}).forEach(([name, message]) => {
        const input = f.querySelector('[name="' + name.replace(/^applicant\./, '') + '"]');
        if (input) input.insertAdjacentHTML('afterend', '<span class="field-error">' + esc(message) + '</span>');
      });
    } finally {
      button.disabled = false;
    }
  });

  $('#again').addEventListener('click', () => {
    $('#register').reset();
    $('#done').hidden = true;
    $('#search').value = '';
    $('#search-hint').textContent = 'Gõ ít nhất 2 ký tự. Ví dụ: “khai sinh”, “giay phep xay dung”, “1.001612”.';
    $('#search').focus();
  });
})();
