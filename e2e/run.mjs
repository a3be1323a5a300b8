// Browser tests against the real binary. Each test gets the shared server (fresh database, demo
// data); run with `node e2e/run.mjs` after `cargo build`.
import { startServer, launch } from './lib.mjs';
import foundation from './tests/foundation.mjs';
import registry from './tests/registry.mjs';
import placement from './tests/placement.mjs';
import claims from './tests/claims.mjs';
import forms from './tests/forms.mjs';
import paste from './tests/paste.mjs';
import money from './tests/money.mjs';
import work, { settlement } from './tests/work.mjs';
import staff from './tests/staff.mjs';

const suites = [foundation, registry, placement, forms, paste];
suites.push(claims, money, work, settlement, staff);

const server = await startServer();
const browser = await launch();
let failed = 0;
try {
  for (const suite of suites) {
    for (const [name, test] of Object.entries(suite)) {
      // E2E_ONLY=substring runs only the tests whose name contains it (while working on one).
      if (process.env.E2E_ONLY && !name.includes(process.env.E2E_ONLY)) continue;
      const context = await browser.newContext({ locale: 'nb-NO', bypassCSP: true });
      const page = await context.newPage();
      const started = Date.now();
      try {
        await test({ page, server, context, browser });
        console.log(`ok   ${name} (${Date.now() - started} ms)`);
      } catch (error) {
        failed += 1;
        console.log(`FAIL ${name}\n${error.stack ?? error}`);
      } finally {
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  server.child.kill();
}
if (failed > 0) {
  console.log(`${failed} browser test(s) failed`);
  process.exit(1);
}
console.log('all browser tests passed');
