/*
 * Một Cửa: customisation shared by Camunda's Tasklist, Cockpit and Admin, loaded by each app's
 * scripts/config.js (customScripts). No plugin is registered; it only
 *
 * 1. shows every date and time in the office's time zone (motcua.calendar.zone, read from
 *    /api/public/office-zone; Asia/Ho_Chi_Minh until it answers), whatever the zone of the officer's
 *    computer: the webapps format dates with moment.js in the browser's zone, so moment's format() is
 *    given the office's offset of that instant;
 *    The footer names that zone instead of the browser's;
 * 2. writes "không có" where Cockpit prints an empty value as "null", shows the date-times Cockpit prints
 *    raw (Date variables) in the office's zone, and translates the validation
 *    messages of Camunda Forms (form-js 1.x has them in English only, with no
 *    translation hook) as they appear in a task form.
 *
 * The red end-of-life banner is hidden by styles/user-styles.css (docs/operations.md says why).
 */
const DEFAULT_ZONE = 'Asia/Ho_Chi_Minh';
let zone = DEFAULT_ZONE;

/** Minutes east of UTC in the office's zone at that instant (DST-proof for any configured zone). */
export function officeOffsetMinutes(date, timeZone) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timeZone || zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit'
  }).formatToParts(date);
  const get = (type) => Number(parts.find((p) => p.type === type).value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((wall - Math.floor(date.getTime() / 1000) * 1000) / 60000);
}

function zoneMoment(moment) {
  if (!moment || !moment.fn || moment.fn.__motcuaZoned) {
    return;
  }
  const format = moment.fn.format;
  moment.fn.format = function () {
    // a moment the app made in UTC on purpose (a duration shown as a clock) keeps it
    if (this.__motcuaInZone || !this.isValid() || this._isUTC) {
      return format.apply(this, arguments);
    }
    const inZone = this.clone();
    inZone.__motcuaInZone = true;
    inZone.utcOffset(officeOffsetMinutes(this.toDate()));
    return format.apply(inZone, arguments);
  };
  moment.fn.__motcuaZoned = true;
}

/**
 * The webapps load the chosen language's locales/<lang>.json and the fallback's (en.json); each, once
 * loaded, defines or updates its moment.js locale, and moment makes that locale the global one. Whichever
 * file arrives last wins, so relative times ("Hạn 12 giờ tới") came out in English ("in 12 hours") at
 * random. The global locale is set back to the app's language (angular-translate's) whenever it differs,
 * and angular-moment's 'amMoment:localeChanged' event re-renders every relative time.
 */
function relativeTimesFollowLocale(moment, injector) {
  const translate = injector.get('$translate');
  const rootScope = injector.get('$rootScope');
  let checks = 0;
  const check = () => {
    checks += 1;
    const lang = translate.use() || translate.proposedLanguage();
    if (lang && moment.locale() !== lang && moment.locales().indexOf(lang) > -1) {
      moment.locale(lang);
      rootScope.$applyAsync(() => rootScope.$broadcast('amMoment:localeChanged'));
    }
    setTimeout(check, checks < 120 ? 250 : 2000);
  };
  check();
}

/** The moment.js of the webapp, once Angular has started (angular-moment registers it as a constant). */
function whenMomentReady(attempt) {
  try {
    const injector = window.angular && window.angular.element(document.body).injector();
    if (injector && injector.has('moment')) {
      const moment = injector.get('moment');
      zoneMoment(moment);
      relativeTimesFollowLocale(moment, injector);
      return;
    }
  } catch (e) {
    // not started yet
  }
  if (attempt < 200) {
    setTimeout(() => whenMomentReady(attempt + 1), 50);
  }
}

// form-js 1.x validation messages (lib/deps.js of camunda-webapp-webjar 7.24) → Vietnamese
const MESSAGES = [
  [/^Field is required\.$/, () => 'Trường này là bắt buộc.'],
  [/^Field must have minimum length of (\d+)\.$/, (m) => 'Cần nhập ít nhất ' + m[1] + ' ký tự.'],
  [/^Field must have maximum length of (\d+)\.$/, (m) => 'Chỉ được nhập tối đa ' + m[1] + ' ký tự.'],
  [/^Field must have minimum value of (.+)\.$/, (m) => 'Giá trị nhỏ nhất là ' + m[1] + '.'],
  [/^Field must have maximum value of (.+)\.$/, (m) => 'Giá trị lớn nhất là ' + m[1] + '.'],
  [/^Field must match pattern (.+)\.$/, () => 'Giá trị không đúng định dạng.'],
  [/^Field must be a valid email\.$/, () => 'Địa chỉ thư điện tử không hợp lệ.'],
  [/^Field must be a valid\s+international phone number\..*$/, () => 'Số điện thoại không hợp lệ (dạng quốc tế, ví dụ +84912345678).'],
  [/^Value is not a number\.$/, () => 'Giá trị không phải là số.'],
  [/^Value is expected to be an integer\.$/, () => 'Cần nhập số nguyên.'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (m) => 'Chỉ được có tối đa ' + m[1] + ' chữ số thập phân.'],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (m) => 'Giá trị không hợp lệ; hai giá trị hợp lệ gần nhất là ' + m[1] + ' và ' + m[2] + '.']
];

export function translateMessage(text) {
  const trimmed = (text || '').trim();
  for (const [pattern, vi] of MESSAGES) {
    const m = trimmed.match(pattern);
    if (m) {
      return vi(m);
    }
  }
  return null;
}

const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?$/;

/**
 * A date-time Cockpit prints raw, without its zone, in the browser's zone (the Date variables of the
 * variables table, "2026-12-08T05:30:00"), as dd/MM/yyyy HH:mm:ss in the office's zone; null for any
 * other text.
 */
export function officeDateTime(text, timeZone) {
  const m = ISO_LOCAL.exec(text.trim());
  if (!m) {
    return null;
  }
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] || 0));
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: timeZone || zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit'
  }).formatToParts(date);
  const get = (type) => parts.find((p) => p.type === type).value;
  return get('day') + '/' + get('month') + '/' + get('year') + ' ' + get('hour') + ':' + get('minute') + ':'
    + get('second');
}

/** Raw date-times in text (not in inputs) shown in the office's zone, as the formatted ones are. */
function zoneRawDates(root) {
  if (!root || !document.createTreeWalker || !(root.nodeType === 1 || root.nodeType === 9)) {
    return;
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const changes = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const v = n.nodeValue;
    if (v && v.length < 40 && v.indexOf('T') > 0) {
      const shown = officeDateTime(v);
      if (shown) {
        changes.push([n, v.replace(v.trim(), shown)]);
      }
    }
  }
  changes.forEach(([n, v]) => {
    n.nodeValue = v;
  });
}

/** Cockpit prints an empty value as "null" in a few templates that bypass the translations. */
function translateNulls(root) {
  const nodes = root.querySelectorAll ? root.querySelectorAll('.null-value') : [];
  nodes.forEach((el) => {
    if (el.childElementCount === 0 && el.textContent.trim() === 'null') {
      el.textContent = 'không có';
    }
  });
}

function translateErrors(root) {
  translateNulls(root);
  zoneRawDates(root);
  const nodes = root.querySelectorAll ? root.querySelectorAll('.fjs-form-field-error, .fjs-form-field-error *') : [];
  nodes.forEach((el) => {
    el.childNodes.forEach((n) => {
      if (n.nodeType === 3) {
        const vi = translateMessage(n.nodeValue);
        if (vi) {
          n.nodeValue = vi;
        }
      }
    });
  });
}

/** The footer names the zone times are shown in: the office's, not the browser's. */
function showZone() {
  const shown = document.querySelector('#footer-timezone i');
  if (shown && shown.textContent !== zone) {
    shown.textContent = zone;
  }
}

function watchForms() {
  translateErrors(document);
  showZone();
  new MutationObserver((mutations) => {
    for (const m of mutations) {
      if (m.type === 'characterData' && m.target.parentElement && m.target.parentElement.closest('.fjs-form-field-error')) {
        const vi = translateMessage(m.target.nodeValue);
        if (vi) {
          m.target.nodeValue = vi;
        }
      } else if (m.type === 'characterData' && m.target.nodeValue && officeDateTime(m.target.nodeValue)) {
        m.target.nodeValue = officeDateTime(m.target.nodeValue);
      } else if (m.addedNodes.length) {
        translateErrors(m.target);
      }
    }
    showZone();
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}

fetch('/api/public/office-zone', { headers: { Accept: 'application/json' } })
  .then((r) => (r.ok ? r.json() : null))
  .then((body) => {
    if (body && body.zone) {
      zone = body.zone;
      showZone();
    }
  })
  .catch(() => {});

whenMomentReady(0);
if (document.body) {
  watchForms();
} else {
  document.addEventListener('DOMContentLoaded', watchForms);
}

export default [];
