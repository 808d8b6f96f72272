/*
 * Một Cửa: configuration of the Camunda Tasklist webapp, served by the application from
 * src/main/resources/META-INF/resources/webjars/camunda/app/tasklist/scripts/config.js; it overrides the file
 * of the same path in camunda-webapp-webjar (see docs/localization.md). Based on Camunda's config.js
 * (Apache License 2.0).
 *
 * Vietnamese is the language of the webapps: it is chosen for every browser unless the user asks for
 * English once with ?locale=en in the address (remembered in this browser; ?locale=vi switches back).
 * English stays the fallback for a label missing in vi.json (a test fails the build when one is missing).
 */
(function preferVietnamese() {
  try {
    var asked = new URLSearchParams(window.location.search).get('locale');
    if (asked === 'vi' || asked === 'en') {
      window.localStorage.setItem('motcua.locale', asked);
    }
    var chosen = window.localStorage.getItem('motcua.locale') || 'vi';
    var others = (window.navigator.languages || []).filter(function (l) {
      return l.toLowerCase().split('-')[0] !== chosen;
    });
    Object.defineProperty(window.navigator, 'languages', {
      configurable: true,
      get: function () { return [chosen].concat(others); }
    });
  } catch (e) {
    // keep the browser's own language preferences
  }
})();

export default {
  app: {
    name: 'Danh sách công việc',
    vendor: 'Một Cửa'
  },
  // dates as officers write them: dd/MM/yyyy, 24-hour time
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'DD/MM/YYYY HH:mm',
    normal: 'DD/MM/YYYY HH:mm',
    long: 'dddd, DD/MM/YYYY HH:mm',
    short: 'DD/MM/YYYY'
  },
  locales: {
    availableLocales: ['vi', 'en'],
    fallbackLocale: 'en'
  },
  // times in the office's zone, Camunda Forms' messages in Vietnamese (docs/localization.md)
  customScripts: ['scripts/motcua-webapp'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'nhận công việc đang chọn'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'chuyển tới bộ lọc đầu tiên trong danh sách'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'chuyển tới công việc đầu tiên trong danh sách'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'chuyển tới ô nhập đầu tiên của biểu mẫu công việc'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'mở hộp thoại bắt đầu quy trình'
    }
  }
};
