// One-off screenshot of the supervisor page (docs/supervisor-page.png) with Debian's headless Chromium,
// driven over the DevTools protocol: log in as a supervisor, wait for the report, capture the full page.
// Not part of the test suite. Needs the app running with demo users and Node 20+:
//   node --experimental-websocket .ci/tools/supervisor-screenshot.mjs [baseUrl] [user] [month] [out.png]
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const [base = 'http://localhost:8080', user = 'gs.ha', month = '', out = 'docs/supervisor-page.png'] = process.argv.slice(2);
const port = 9333;
const chrome = spawn('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--no-first-run', '--window-size=1400,1000', `--remote-debugging-port=${port}`, 'about:blank'], { stdio: 'ignore' });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
try {
  let targets;
  for (let i = 0; i < 50 && !targets; i++) {
    await sleep(200);
    try { targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json(); } catch { /* not up yet */ }
  }
  const page = targets.find((t) => t.type === 'page');
  const ws = new WebSocket(page.webSocketDebuggerUrl);
  await new Promise((r) => ws.addEventListener('open', r));
  let id = 0;
  const pending = new Map();
  ws.addEventListener('message', (e) => {
    const m = JSON.parse(e.data);
    if (m.id && pending.has(m.id)) { pending.get(m.id)(m); pending.delete(m.id); }
  });
  const send = (method, params = {}) => new Promise((r) => { pending.set(++id, r); ws.send(JSON.stringify({ id, method, params })); });
  const evaluate = async (expression) => (await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })).result;

  await send('Emulation.setDeviceMetricsOverride', { width: 1400, height: 1000, deviceScaleFactor: 1, mobile: false });
  await send('Page.navigate', { url: `${base}/giam-sat/${month ? '?month=' + month : ''}` });
  await sleep(1500);
  await evaluate(`(() => { const f = document.querySelector('#login-form'); f.user.value = '${user}';
    f.password.value = 'demo'; f.requestSubmit(); })()`);
  for (let i = 0; i < 60; i++) {
    await sleep(500);
    const ready = await evaluate(`!!document.querySelector('#report tbody tr') && !!document.querySelector('#chart svg')`);
    if (ready.result.value) break;
  }
  await sleep(500);
  const height = (await evaluate('document.documentElement.scrollHeight')).result.value;
  await send('Emulation.setDeviceMetricsOverride', { width: 1400, height: Math.min(height, 4000), deviceScaleFactor: 1, mobile: false });
  await sleep(300);
  const shot = await send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true });
  writeFileSync(out, Buffer.from(shot.result.data, 'base64'));
  console.log(`written ${out} (${height}px high)`);
  ws.close();
} finally {
  chrome.kill();
}
