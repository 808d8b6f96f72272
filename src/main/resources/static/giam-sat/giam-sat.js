// Supervisor page of Một Cửa: calls /api/reports/* with the supervisor's login (../chung/motcua.js: HTTP
// Basic, kept in this tab's sessionStorage only). No framework, no external resources.
(function () {
  'use strict';
  const $ = (s) => document.querySelector(s);
  const state = { report: null };
  const nf = new Intl.NumberFormat('vi-VN');
  const LATE = ['resolvedLate', 'inProgressOverdue', 'lateCharged', 'apologiesSignedLate'];

  function fmtTime(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    return d.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit',
      day: '2-digit', month: '2-digit', year: 'numeric' });
  }
  function thisMonth() {
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit' })
      .formatToParts(new Date());
    return parts.find((x) => x.type === 'year').value + '-' + parts.find((x) => x.type === 'month').value;
  }
  // a dossier no longer held by anyone: refused, withdrawn, stopped, returned
  const CLOSED = [3, 7, 8, 10];
  const esc = MotCua.esc;
  function num(v) { return v == null ? '–' : nf.format(v); }

  const api = MotCua.api;
  const json = MotCua.json;

  function params() {
    const f = $('#filters');
    const p = new URLSearchParams();
    if (f.unit.value) p.set('unit', f.unit.value);
    if (f.kind.value === 'year') p.set('year', f.year.value);
    else if (f.kind.value === 'quarter') {
      // a quarter as its days, which every report accepts (the evaluation also takes quarter=YYYY-Qn)
      const q = Number(f.quarterNumber.value), y = f.quarterYear.value;
      const first = String(q * 3 - 2).padStart(2, '0'), last = String(q * 3).padStart(2, '0');
      p.set('from', y + '-' + first + '-01');
      p.set('to', y + '-' + last + '-' + new Date(Date.UTC(Number(y), q * 3, 0)).getUTCDate());
    } else p.set('month', f.monthYear.value + '-' + f.monthNumber.value);
    return p;
  }

  // ---------- login ----------
  MotCua.login(start);

  async function start() {
    const units = await json('/api/reports/units');
    const sel = $('#filters').unit;
    sel.length = 1;
    units.forEach((u) => sel.add(new Option(u.name, u.key)));
    if (units.length === 1) sel.value = units[0].key;
    $('#who').textContent = 'Cán bộ giám sát: ' + MotCua.user();
    json('/api/reports/me').then((me) => { $('#who').textContent = 'Cán bộ giám sát: ' + me.name; }, () => {});
    const f = $('#filters');
    const q = new URLSearchParams(location.search);
    // this month in Vietnam's time (the page's own pickers, in Vietnamese whatever the browser's language)
    const month = /^\d{4}-\d{2}$/.test(q.get('month') || '') ? q.get('month') : thisMonth();
    f.monthYear.value = month.slice(0, 4);
    f.monthNumber.value = month.slice(5, 7);
    f.year.value = thisMonth().slice(0, 4);
    f.quarterYear.value = thisMonth().slice(0, 4);
    f.quarterNumber.value = String(Math.floor((Number(thisMonth().slice(5, 7)) - 1) / 3) + 1);
    if (q.get('unit')) f.unit.value = q.get('unit');
    await load();
  }

  $('#filters').kind.addEventListener('change', (e) => {
    $('.month').hidden = e.target.value !== 'month';
    $('.quarter').hidden = e.target.value !== 'quarter';
    $('.year').hidden = e.target.value !== 'year';
  });
  $('#filters').addEventListener('submit', (e) => { e.preventDefault(); load(); });

  async function load() {
    $('#error').textContent = '';
    try {
      const p = params();
      const [report, lists, trend, evaluation] = await Promise.all([
        json('/api/reports/resolution?' + p),
        json('/api/reports/deadlines?' + new URLSearchParams(p.get('unit') ? { unit: p.get('unit') } : {})),
        json('/api/reports/trend?' + trendParams(p)),
        json('/api/reports/evaluation?' + p)]);
      renderEvaluation(evaluation);
      state.report = report;
      renderReport(report);
      renderIndicators(report);
      renderList('#overdue', lists.overdue, true);
      renderList('#soon', lists.dueSoon, false);
      $('#overdue-count').textContent = '(' + num(lists.overdueTotal) + ' hồ sơ, đến ' + fmtTime(lists.asOf) + ')';
      $('#soon-count').textContent = '(' + num(lists.dueSoonTotal) + ' hồ sơ)';
      renderChart(trend);
      $('#drill').hidden = true;
      loadPetitions(p);
    } catch (err) {
      $('#error').textContent = err.message;
    }
  }

  // ---------- petitions (phản ánh, kiến nghị; docs/petitions.md) ----------
  async function loadPetitions(p) {
    try {
      const r = await json('/api/reports/petitions?' + p);
      $('#petitions-period').textContent = '— kỳ ' + r.period;
      let html = '<tr><th>Đơn vị</th><th>Tiếp nhận</th><th>Đã chuyển cơ quan có thẩm quyền</th><th>Trả lời đúng hạn</th>'
        + '<th>Trả lời quá hạn</th><th>Bước quá hạn</th></tr>';
      r.agencies.forEach((a) => {
        html += '<tr><td>' + esc(a.unitName) + '</td><td>' + num(a.received) + '</td><td>' + num(a.forwarded)
          + '</td><td>' + num(a.answeredOnTime) + '</td><td' + (a.answeredLate ? ' class="late"' : '') + '>'
          + num(a.answeredLate) + '</td><td>' + num(a.lateSteps) + '</td></tr>';
      });
      if (!r.agencies.length) html += '<tr><td colspan="6">Chưa có phản ánh, kiến nghị trong kỳ.</td></tr>';
      $('#petitions').innerHTML = html;
    } catch (err) {
      $('#petitions').textContent = err.message;
    }
  }

  function trendParams(p) {
    const t = new URLSearchParams();
    if (p.get('unit')) t.set('unit', p.get('unit'));
    if (p.get('year')) { t.set('from', p.get('year') + '-01'); t.set('to', p.get('year') + '-12'); }
    else if (p.get('from')) { t.set('from', p.get('from').slice(0, 7)); t.set('to', p.get('to').slice(0, 7)); }
    else { t.set('to', p.get('month')); }
    return t;
  }

  // ---------- report ----------
  function renderReport(r) {
    $('#period').textContent = '— kỳ ' + r.label + ', số liệu đến ' + fmtTime(r.asOf);
    const cols = r.columns;
    let head = '<tr><th rowspan="2">STT</th><th rowspan="2">Đơn vị giải quyết</th><th rowspan="2">Thủ tục hành chính</th>';
    for (let i = 0; i < cols.length;) {
      let j = i; while (j + 1 < cols.length && cols[j + 1].group === cols[i].group) j++;
      head += '<th colspan="' + (j - i + 1) + '">' + esc(cols[i].group) + '</th>'; i = j + 1;
    }
    head += '</tr><tr>' + cols.map((c) => '<th>' + esc(c.header) + '</th>').join('') + '</tr>';
    let body = '';
    r.units.forEach((u, n) => {
      body += row('unit', n + 1, u.unitName, 'Cộng đơn vị', u, u.unit, null);
      u.procedures.forEach((p) => { body += row('', '', '', p.procedureName, p, u.unit, p.procedureKey); });
    });
    body += row('total', '', 'Tổng cộng', '', r.total, null, null);
    $('#report').innerHTML = '<thead>' + head + '</thead><tbody>' + body + '</tbody>';
  }

  function row(cls, no, unit, proc, line, unitKey, procKey) {
    let tr = '<tr class="' + cls + '"><td>' + no + '</td><td class="text">' + esc(unit) + '</td><td class="text">' + esc(proc) + '</td>';
    state.report.columns.forEach((c) => {
      const v = line.counts[c.key];
      const late = LATE.includes(c.key) && v > 0 ? ' class="late"' : '';
      tr += '<td' + late + '>' + (v > 0
        ? '<a href="#" class="num" data-column="' + c.key + '" data-unit="' + esc(unitKey || '') + '" data-proc="' + esc(procKey || '') + '">' + num(v) + '</a>'
        : num(v)) + '</td>';
    });
    return tr + '</tr>';
  }

  $('#report').addEventListener('click', async (e) => {
    const a = e.target.closest('a.num');
    if (!a) return;
    e.preventDefault();
    const p = params();
    if (a.dataset.unit) p.set('unit', a.dataset.unit);
    if (a.dataset.proc) p.set('procedure', a.dataset.proc);
    p.set('column', a.dataset.column);
    p.set('limit', '200');
    try {
      const page = await json('/api/reports/resolution/dossiers?' + p);
      $('#drill-title').textContent = page.columnHeader + ' — ' + page.total + ' hồ sơ';
      $('#drill-table').innerHTML = dossierTable(page.dossiers, false);
      $('#drill').hidden = false;
      $('#drill').scrollIntoView({ behavior: 'smooth' });
    } catch (err) { $('#error').textContent = err.message; }
  });

  function cockpit(d) {
    return d.cockpitUrl ? '<a href="' + esc(d.cockpitUrl) + '" target="_blank" rel="noopener">Cockpit</a>' : '';
  }

  function dossierTable(items, holder) {
    const h = ['Mã hồ sơ', 'Thủ tục', 'Đơn vị giải quyết', 'Trạng thái', 'Tiếp nhận', 'Hẹn trả', 'Giải quyết',
      'Đơn vị đang giữ', 'Cán bộ đang giữ', 'Quy trình'];
    if (holder) h.splice(9, 0, 'Giữ từ', 'Đã giữ (giờ làm việc)', 'Quá hạn (giờ làm việc)');
    let html = '<thead><tr>' + h.map((x) => '<th>' + x + '</th>').join('') + '</tr></thead><tbody>';
    if (!items.length) html += '<tr><td class="text" colspan="' + h.length + '">Không có hồ sơ.</td></tr>';
    items.forEach((d) => {
      html += '<tr><td class="text">' + esc(d.code) + '</td><td class="text">' + esc(d.procedureName) + '</td><td class="text">'
        + esc(d.competentUnitName) + '</td><td class="text">' + esc(d.statusName) + '</td><td>' + fmtTime(d.receivedAt)
        + '</td><td>' + fmtTime(d.appointmentAt) + '</td><td>' + fmtTime(d.resolvedAt) + '</td><td class="text">'
        + esc(d.currentUnitName) + '</td><td class="text">' + esc(d.currentOfficerName || d.currentOfficer
          || (CLOSED.includes(d.status) ? '—' : 'chưa nhận việc')) + '</td>'
        + (holder ? '<td>' + fmtTime(d.heldSince) + '</td><td>' + num(d.heldWorkingHours) + '</td><td class="late">'
          + num(d.overdueWorkingHours) + '</td>' : '')
        + '<td>' + cockpit(d) + '</td></tr>';
    });
    return html + '</tbody>';
  }

  function renderList(sel, items, overdue) { $(sel).innerHTML = dossierTable(items, true); }

  // ---------- indicators ----------
  function renderIndicators(r) {
    const h = ['Đơn vị', 'Đúng hạn (%)', 'Trực tuyến (%)', 'TG giải quyết TB (ngày)', 'Trễ TB (ngày LV)',
      'Hài lòng (%)', 'Phải xin lỗi (%)'];
    const line = (name, i, cls) => '<tr class="' + cls + '"><td class="text">' + esc(name) + '</td><td>' + num(i.onTimeRate)
      + '</td><td>' + num(i.onlineShare) + '</td><td>' + num(i.averageProcessingDays) + '</td><td>'
      + num(i.averageWorkingDaysLate) + '</td><td>' + num(i.satisfactionRate) + '</td><td>' + num(i.apologyRate) + '</td></tr>';
    let html = '<thead><tr>' + h.map((x) => '<th>' + x + '</th>').join('') + '</tr></thead><tbody>';
    r.units.forEach((u) => { html += line(u.unitName, u.indicators, ''); });
    html += line('Tổng cộng', r.total.indicators, 'total');
    $('#indicators').innerHTML = html + '</tbody>';
  }

  // ---------- evaluation: Circular 01/2018's nine indices, Decision 766 ----------
  function renderEvaluation(e) {
    $('#evaluation-period').textContent = '— kỳ ' + e.label;
    const names = e.total.indices.map((i) => i.name);
    let html = '<thead><tr><th>Đơn vị</th>' + names.map((x) => '<th>' + esc(x) + '</th>').join('')
      + '<th>Tổng điểm</th><th>Số chỉ số được chấm</th><th>Điểm xếp loại</th><th>Xếp loại</th></tr></thead><tbody>';
    const line = (name, u, cls) => {
      let tr = '<tr class="' + cls + '"><td class="text">' + esc(name) + '</td>';
      u.indices.forEach((i) => {
        const unit = esc(u.unit || '');
        if (i.score == null) { tr += '<td title="' + esc(i.note) + '">–</td>'; return; }
        if (!i.perDossier) {
          tr += '<td>' + (i.key === 'online'
            ? '<a href="#" class="eval" data-index="online" data-unit="' + unit + '">' + num(i.score) + '</a>'
            : num(i.score)) + '</td>';
          return;
        }
        const by = (s, n) => n > 0 ? '<a href="#" class="eval" data-index="' + i.key + '" data-score="' + s + '" data-unit="'
          + unit + '">' + n + '</a>' : '0';
        tr += '<td><a href="#" class="eval" data-index="' + i.key + '" data-unit="' + unit + '">' + num(i.score)
          + '</a><br><small>' + by(2, i.twos) + ' / ' + by(1, i.ones) + ' / ' + by(0, i.zeros) + '</small></td>';
      });
      return tr + '<td>' + num(u.total) + '</td><td>' + u.scoredIndices + '</td><td>' + num(u.bandTotal) + '</td><td class="text">'
        + esc(u.bandName || '–') + '</td></tr>';
    };
    e.units.forEach((u) => { html += line(u.unitName, u, ''); });
    html += line('Tổng cộng', e.total, 'total');
    $('#evaluation').innerHTML = html + '</tbody>';
    const notes = [];
    e.total.indices.filter((i) => i.note).forEach((i) => notes.push(i.name + ': ' + i.note));
    notes.push('Khi có chỉ số không được chấm, điểm xếp loại là tổng điểm quy về 9 chỉ số (tổng × 9 ÷ số chỉ số được chấm).');
    $('#evaluation-notes').innerHTML = notes.map((n) => '<li>' + esc(n) + '</li>').join('');
    const comps = e.total.decision766;
    let d = '<thead><tr><th>Đơn vị</th>' + comps.map((c) => '<th>' + esc(c.name) + ' (' + num(c.weight) + ' điểm)</th>').join('')
      + '<th>Tổng điểm tính được</th><th>Trên số điểm</th></tr></thead><tbody>';
    const cline = (name, u, cls) => '<tr class="' + cls + '"><td class="text">' + esc(name) + '</td>'
      + u.decision766.map((c) => '<td title="' + esc(c.note || (c.rate + ' %')) + '">' + num(c.points) + '</td>').join('')
      + '<td>' + num(u.decision766Points) + '</td><td>' + num(u.decision766MaxPoints) + '</td></tr>';
    e.units.forEach((u) => { d += cline(u.unitName, u, ''); });
    d += cline('Tổng cộng', e.total, 'total');
    $('#decision766').innerHTML = d + '</tbody>';
  }

  $('#evaluation').addEventListener('click', async (e) => {
    const a = e.target.closest('a.eval');
    if (!a) return;
    e.preventDefault();
    const p = params();
    if (a.dataset.unit) p.set('unit', a.dataset.unit);
    p.set('index', a.dataset.index);
    if (a.dataset.score) p.set('score', a.dataset.score);
    p.set('limit', '200');
    try {
      const page = await json('/api/reports/evaluation/dossiers?' + p);
      $('#drill-title').textContent = page.columnHeader + ' — ' + page.total + ' hồ sơ';
      $('#drill-table').innerHTML = dossierTable(page.dossiers, false);
      $('#drill').hidden = false;
      $('#drill').scrollIntoView({ behavior: 'smooth' });
    } catch (err) { $('#error').textContent = err.message; }
  });

  // ---------- chart: on-time rate per month, inline SVG ----------
  function renderChart(points) {
    // T leaves room above the 100% line for the value label of a point at 100%
    const W = 620, H = 250, L = 40, R = 10, T = 26, B = 40;
    const step = (W - L - R) / Math.max(points.length, 1);
    const y = (v) => T + (H - T - B) * (1 - v / 100);
    let svg = '<svg viewBox="0 0 ' + W + ' ' + H + '" width="100%" role="img" aria-label="Tỷ lệ đúng hạn theo tháng">';
    [0, 25, 50, 75, 100].forEach((v) => {
      svg += '<line x1="' + L + '" x2="' + (W - R) + '" y1="' + y(v) + '" y2="' + y(v) + '" stroke="#e1e5eb"/>'
        + '<text x="' + (L - 6) + '" y="' + (y(v) + 4) + '" text-anchor="end">' + v + '%</text>';
    });
    let path = '';
    points.forEach((p, i) => {
      const x = L + step * i + step / 2;
      const label = p.month.slice(5) + '/' + p.month.slice(2, 4);
      svg += '<text x="' + x + '" y="' + (H - B + 16) + '" text-anchor="middle">' + label + '</text>'
        + '<text x="' + x + '" y="' + (H - B + 30) + '" text-anchor="middle" fill="#5b6776">' + p.resolved + ' hs</text>';
      if (p.onTimeRate != null) {
        path += (path ? 'L' : 'M') + x + ' ' + y(p.onTimeRate);
        svg += '<circle cx="' + x + '" cy="' + y(p.onTimeRate) + '" r="3.5" fill="#1f5fa8"><title>' + p.month + ': '
          + p.onTimeRate + '% (' + p.onTime + '/' + p.resolved + ')</title></circle>'
          + '<text x="' + x + '" y="' + (y(p.onTimeRate) - 8) + '" text-anchor="middle">' + p.onTimeRate + '</text>';
      }
    });
    svg += '<path d="' + path + '" fill="none" stroke="#1f5fa8" stroke-width="2"/></svg>';
    $('#chart').innerHTML = svg;
  }

  // ---------- exports ----------
  document.addEventListener('click', async (e) => {
    const b = e.target.closest('button[data-export]');
    if (!b) return;
    let p = params();
    if (b.dataset.export === 'trend') p = trendParams(p);
    p.set('format', b.dataset.format);
    if (b.dataset.export === 'deadlines') { p.delete('month'); p.delete('year'); p.delete('from'); p.delete('to'); }
    try {
      const res = await api('/api/reports/' + b.dataset.export + '/export?' + p);
      const cd = res.headers.get('Content-Disposition') || '';
      const m = /filename\*=UTF-8''([^;]+)/.exec(cd) || /filename="?([^";]+)"?/.exec(cd);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(await res.blob());
      a.download = m ? decodeURIComponent(m[1]) : 'bao-cao.' + b.dataset.format;
      document.body.appendChild(a); a.click(); a.remove();
    } catch (err) { $('#error').textContent = err.message; }
  });

})();
