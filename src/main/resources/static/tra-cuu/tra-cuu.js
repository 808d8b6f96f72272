// Trang tra cứu hồ sơ: gọi API công khai /api/public (docs/citizens.md). Mã tra cứu chỉ giữ trong bộ nhớ.
(function () {
  'use strict';
  // secret: what the applicant typed first (phone or PIN), used again to send a supplement or a rating;
  // shown: the last view with details, kept when an action answers with the progress only.
  var state = { code: null, secret: null, shown: null };
  var $ = function (id) { return document.getElementById(id); };
  var dateTime = new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit'
  });

  function fmt(iso) {
    return iso ? dateTime.format(new Date(iso)) : '—';
  }

  function text(id, value) {
    $(id).textContent = value == null || value === '' ? '—' : value;
  }

  function showError(id, body) {
    var el = $(id);
    var message = (body && body.message) || 'Không kết nối được máy chủ. Vui lòng thử lại.';
    if (body && body.fields) {
      message += ' ' + Object.keys(body.fields).map(function (k) { return body.fields[k]; }).join(' ');
    }
    el.textContent = message;
    el.hidden = false;
  }

  function call(url, options) {
    return fetch(url, options).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) {
          throw body;
        }
        return body;
      });
    });
  }

  /** An answer without details after one with details (an action proved by the phone): keep what was shown. */
  function keepDetails(d) {
    var before = state.shown;
    if (d.details || !before || before.code !== d.code) {
      return d;
    }
    if (d.result && before.result && d.result.decision === before.result.decision) {
      d.result.text = before.result.text;
    }
    var details = {};
    (before.timeline || []).forEach(function (s) { details[s.at + s.kind] = s.detail; });
    (d.timeline || []).forEach(function (s) { s.detail = s.detail || details[s.at + s.kind]; });
    d.details = true;
    return d;
  }

  function render(d) {
    d = keepDetails(d);
    if (d.details) {
      state.shown = d;
    }
    $('dossier').hidden = false;
    $('details').hidden = !!d.details;
    text('details-hint', d.detailsHint);
    text('d-code', 'Mã hồ sơ: ' + d.code);
    text('d-procedure', d.procedureName);
    var badge = $('d-status');
    badge.textContent = d.statusName;
    badge.className = 'badge' + (d.awaitingSupplement || d.status === 6 ? ' waiting' : '')
      + (d.status === 3 || d.status === 7 || d.status === 8 ? ' stopped' : '');
    text('d-receiving', d.receivingUnitName);
    text('d-current', (d.stage ? d.stage : '') + (d.currentUnitName ? ' — ' + d.currentUnitName : ''));
    text('d-received', fmt(d.receivedAt) + ' (' + d.channel + ')');
    var appointment = $('d-appointment');
    appointment.textContent = '';
    if (d.originalAppointmentAt && d.appointmentAt && d.originalAppointmentAt !== d.appointmentAt) {
      var old = document.createElement('span');
      old.className = 'old';
      old.textContent = fmt(d.originalAppointmentAt);
      appointment.appendChild(old);
    }
    appointment.appendChild(document.createTextNode(d.appointmentAt ? fmt(d.appointmentAt) : 'Chưa có (hồ sơ đang được kiểm tra)'));

    $('d-result').hidden = !d.result;
    if (d.result) {
      text('d-result-text', d.result.decisionName + (d.result.text ? ': ' + d.result.text : '')
        + (d.result.returnedAt ? ' — đã trả kết quả ngày ' + fmt(d.result.returnedAt)
          : ' — kết quả sẵn sàng từ ' + fmt(d.result.readyAt) + ', mời nhận tại ' + d.receivingUnitName));
    }

    var apologies = $('d-apology-list');
    apologies.textContent = '';
    (d.apologies || []).forEach(function (a) {
      var li = document.createElement('li');
      li.textContent = 'Thư số ' + a.number + ' của ' + a.agencyName + ' (' + fmt(a.signedAt) + '): hẹn lại ngày '
        + fmt(a.newAppointmentAt) + (a.reason ? '. Lý do: ' + a.reason : '');
      apologies.appendChild(li);
    });
    $('d-apologies').hidden = !(d.apologies && d.apologies.length);

    $('supplement').hidden = !d.awaitingSupplement;
    text('d-supplement-request', d.supplementRequest);
    $('evaluation').hidden = !d.canEvaluate;
    $('d-rated').hidden = !d.ratingName;
    if (d.ratingName) {
      $('d-rated').textContent = 'Cảm ơn bạn đã đánh giá: ' + d.ratingName + '.';
    }

    var timeline = $('d-timeline');
    timeline.textContent = '';
    (d.timeline || []).forEach(function (step) {
      var li = document.createElement('li');
      li.setAttribute('data-kind', step.kind);
      var time = document.createElement('time');
      time.dateTime = step.at;
      time.textContent = fmt(step.at);
      var title = document.createElement('div');
      title.className = 'title';
      title.textContent = step.title;
      li.appendChild(time);
      li.appendChild(title);
      if (step.detail) {
        var detail = document.createElement('div');
        detail.className = 'detail';
        detail.textContent = step.detail;
        li.appendChild(detail);
      }
      timeline.appendChild(li);
    });
  }

  function lookup() {
    return call('/api/public/dossiers/lookup', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: state.code, secret: state.secret })
    }).then(render);
  }

  // The signed electronic result (POST /api/public/dossiers/{code}/result): the PDF, saved by the browser.
  $('result-file').addEventListener('submit', function (e) {
    e.preventDefault();
    $('result-error').hidden = true;
    var button = $('result-button');
    button.disabled = true;
    fetch('/api/public/dossiers/' + encodeURIComponent(state.code) + '/result', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ secret: $('result-secret').value.trim() })
    }).then(function (response) {
      if (!response.ok) {
        return response.json().catch(function () { return {}; }).then(function (body) { throw body; });
      }
      return response.blob().then(function (blob) {
        var link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = 'ket-qua-' + state.code + '.pdf';
        document.body.appendChild(link);
        link.click();
        link.remove();
        $('result-secret').value = '';
      });
    }).catch(function (body) { showError('result-error', body); })
      .then(function () { button.disabled = false; });
  });

  $('lookup').addEventListener('submit', function (e) {
    e.preventDefault();
    $('lookup-error').hidden = true;
    state.code = $('code').value.trim();
    state.secret = $('secret').value.trim();
    state.shown = null;
    var button = $('lookup-button');
    button.disabled = true;
    lookup().catch(function (body) {
      $('dossier').hidden = true;
      showError('lookup-error', body);
    }).then(function () { button.disabled = false; });
  });

  $('details').addEventListener('submit', function (e) {
    e.preventDefault();
    $('details-error').hidden = true;
    var button = $('details-button');
    button.disabled = true;
    call('/api/public/dossiers/lookup', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: state.code, secret: $('details-secret').value.trim() })
    }).then(function (d) {
      $('details-secret').value = '';
      $('details-info').hidden = true;
      render(d);
    }).catch(function (body) { showError('details-error', body); })
      .then(function () { button.disabled = false; });
  });

  $('send-code-button').addEventListener('click', function () {
    $('details-error').hidden = true;
    var button = $('send-code-button');
    button.disabled = true;
    call('/api/public/dossiers/' + encodeURIComponent(state.code) + '/one-time-code', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ secret: state.secret })
    }).then(function (sent) {
      var info = $('details-info');
      info.textContent = 'Đã gửi mã xác thực đến số ' + sent.sentTo + ', hiệu lực đến ' + fmt(sent.validUntil)
        + '. Nhập mã vào ô trên để xem chi tiết.';
      info.hidden = false;
      $('details-secret').focus();
    }).catch(function (body) { showError('details-error', body); })
      .then(function () { button.disabled = false; });
  });

  $('supplement').addEventListener('submit', function (e) {
    e.preventDefault();
    $('supplement-error').hidden = true;
    var form = new FormData();
    form.append('secret', state.secret);
    form.append('note', $('supplement-note').value);
    Array.prototype.forEach.call($('supplement-files').files, function (f) { form.append('files', f, f.name); });
    var button = $('supplement-button');
    button.disabled = true;
    call('/api/public/dossiers/' + encodeURIComponent(state.code) + '/supplements', { method: 'POST', body: form })
      .then(render)
      .catch(function (body) { showError('supplement-error', body); })
      .then(function () { button.disabled = false; });
  });

  $('evaluation').addEventListener('submit', function (e) {
    e.preventDefault();
    $('evaluation-error').hidden = true;
    var chosen = document.querySelector('input[name=rating]:checked');
    var button = $('evaluation-button');
    button.disabled = true;
    call('/api/public/dossiers/' + encodeURIComponent(state.code) + '/evaluation', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ secret: state.secret, rating: chosen ? Number(chosen.value) : null,
        comment: $('evaluation-comment').value })
    }).then(render)
      .catch(function (body) { showError('evaluation-error', body); })
      .then(function () { button.disabled = false; });
  });

  var params = new URLSearchParams(window.location.search);
  if (params.get('ma')) {
    $('code').value = params.get('ma');
    $('secret').focus();
  }
})();
