// Process admin page of Một Cửa: migrates running dossiers to a new version of a procedure through
// /api/admin/procedures/{key}/migration (the login of ../chung/motcua.js: HTTP Basic, kept in this tab's
// sessionStorage only).
(function () {
  'use strict';
  const $ = (s) => document.querySelector(s);
  const state = { preview: null };
  const esc = MotCua.esc;
  function fmt(iso) {
    return iso ? new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : '';
  }
  const api = MotCua.json;

  MotCua.login(start);

  async function start() {
    await history();
    const procedures = await (await fetch('/api/public/procedures')).json();
    const sel = $('#choose').key;
    sel.length = 0;
    procedures.forEach((p) => sel.add(new Option(p.name + ' (' + p.key + ')', p.key)));
    $('#who').textContent = 'Quản trị quy trình: ' + MotCua.user();
  }

  $('#choose').addEventListener('submit', async (e) => {
    e.preventDefault();
    $('#error').textContent = '';
    const f = e.target;
    const q = new URLSearchParams();
    if (f.from.value) q.set('from', f.from.value);
    if (f.to.value) q.set('to', f.to.value);
    try {
      state.preview = await api('/api/admin/procedures/' + encodeURIComponent(f.key.value) + '/migration?' + q);
      show(state.preview);
    } catch (err) {
      $('#error').textContent = err.message;
    }
  });

  function show(p) {
    $('#preview').hidden = false;
    $('#preview-title').textContent = p.procedureName + ': phiên bản ' + p.sourceVersion + ' → ' + p.targetVersion;
    const movable = p.dossiers.filter((d) => d.migratable).length;
    $('#verdict').textContent = p.valid ? 'Kế hoạch hợp lệ. ' + movable + '/' + p.dossiers.length + ' hồ sơ chuyển được.'
      : 'Kế hoạch không hợp lệ: không chuyển được hồ sơ nào.';
    $('#problems').innerHTML = p.problems.map((x) => '<li>' + esc(x) + '</li>').join('');
    $('#plan').innerHTML = '<tr><th>Hoạt động ở phiên bản ' + p.sourceVersion + '</th><th>Sang hoạt động ở phiên bản '
      + p.targetVersion + '</th></tr>' + p.plan.map((s) => '<tr><td>' + esc(s.sourceActivityId) + '</td><td>'
      + esc(s.targetActivityId) + '</td></tr>').join('');
    $('#new-steps').innerHTML = p.newActivities.map((a) => '<li>' + esc(a) + '</li>').join('') || '<li>Không có</li>';
    $('#count').textContent = '(' + p.dossiers.length + ')';
    $('#dossiers').innerHTML = '<tr><th>Mã hồ sơ</th><th>Đang ở</th><th>Chuyển được?</th><th>Công việc đang mở</th>'
      + '<th>Hẹn giờ</th></tr>' + p.dossiers.map((d) => '<tr><td>' + esc(d.code) + '</td><td>'
      + esc(d.activeActivities.join(', ')) + '</td><td>' + (d.migratable ? 'Có' : 'Không: ' + esc(d.problems.join('; ')))
      + '</td><td>' + d.tasks.map((t) => esc(t.name) + ' (' + esc(t.assignee || 'chưa nhận') + ', hạn ' + fmt(t.due)
      + ') — ' + esc(t.happens)).join('<br>') + '</td><td>' + d.timers.map((t) => esc(t.activityId) + ' lúc ' + fmt(t.due)
      + ' — ' + esc(t.happens)).join('<br>') + '</td></tr>').join('');
    $('#start').disabled = !p.valid || movable === 0;
  }

  $('#start').addEventListener('click', async () => {
    const p = state.preview;
    if (!p || !confirm('Chuyển các hồ sơ chuyển được của "' + p.procedureName + '" từ phiên bản ' + p.sourceVersion
      + ' sang phiên bản ' + p.targetVersion + '?')) return;
    try {
      const m = await api('/api/admin/procedures/' + encodeURIComponent(p.procedureKey) + '/migration',
        { method: 'POST', body: JSON.stringify({ from: p.sourceVersion, to: p.targetVersion }) });
      $('#start').disabled = true;
      follow(m.id);
    } catch (err) {
      $('#error').textContent = err.message;
    }
  });

  async function follow(id) {
    await history();
    const m = await api('/api/admin/procedure-migrations/' + id);
    if (m.status === 'RUNNING' || m.status === 'FAILED') setTimeout(() => follow(id), 3000);
  }

  const STATUS = { RUNNING: 'Đang chạy', COMPLETED: 'Hoàn thành', FAILED: 'Có hồ sơ lỗi (xem sự cố trong Cockpit)' };
  async function history() {
    const list = await api('/api/admin/procedure-migrations');
    $('#history').innerHTML = '<tr><th>Lúc</th><th>Người thực hiện</th><th>Thủ tục</th><th>Phiên bản</th><th>Số hồ sơ</th>'
      + '<th>Tiến độ</th><th>Trạng thái</th></tr>' + list.map((m) => '<tr><td>' + fmt(m.startedAt) + '</td><td>'
      + esc(m.startedBy) + '</td><td>' + esc(m.procedureKey) + '</td><td>' + m.sourceVersion + ' → ' + m.targetVersion
      + '</td><td title="' + esc(m.dossierCodes.join(', ')) + '">' + m.instanceCount + '</td><td>'
      + (m.progress ? m.progress.completed + '/' + m.progress.total + (m.progress.failed ? ', lỗi ' + m.progress.failed : '') : '')
      + '</td><td>' + esc(STATUS[m.status] || m.status) + '</td></tr>').join('');
  }

})();
