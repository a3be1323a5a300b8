// The pages of plans, settlement and the month's claims, as each role sees them, pass axe
// (WCAG 2.1 AA) and show their work (issues 14–17).
import assert from 'node:assert/strict';
import { expectAccessible, login } from '../lib.mjs';

async function visit(page, server, path, name, pattern) {
  const response = await page.goto(`${server.url}${path}`);
  assert.equal(response.status(), 200, `${path} answers 200`);
  if (pattern) assert.match(await page.textContent('main'), pattern, path);
  await expectAccessible(page, name);
}

export default {
  async 'UDI sees a centre with its windows, its plans, the month overview and the event log in words'({ page, server }) {
    await login(page, server, 'admin');
    await visit(page, server, '/centres/1', 'centre-windows', /Krav til og med/);
    await visit(page, server, '/centres/1/plans', 'centre-plans');
    await page.click('main a[href^="/plans/"]');
    await page.waitForURL(/\/plans\/\d+$/);
    await expectAccessible(page, 'plan');
    await visit(page, server, '/plans/preview', 'plans-preview');
    await visit(page, server, '/claims', 'claims-overview', /Lag alle krav som kan lages for/);
    await visit(page, server, '/events?entity_type=centre', 'events-words', /Mottak: registrert/);
  },

  async 'IMDi and a municipality see settlement'({ page, server, browser }) {
    await login(page, server, 'imdi');
    await visit(page, server, '/settlement', 'settlement-imdi');
    await visit(page, server, '/settlement/report', 'settlement-report');
    await visit(page, server, '/settlement/agreements', 'settlement-agreements');
    const context = await browser.newContext({ locale: 'nb-NO', bypassCSP: true });
    const municipal = await context.newPage();
    try {
      await login(municipal, server, 'kommune');
      await visit(municipal, server, '/settlement', 'settlement-municipality');
    } finally {
      await context.close();
    }
  },
};
