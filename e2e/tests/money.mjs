// The money chain in the browser (issue 14): UDI registers an agreement, a resident moves in, the
// month is approved, the claim is made and downloaded as CSV and PDF.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { expectAccessible, login, screenshots } from '../lib.mjs';
import { join } from 'node:path';

const byId = (id) => `[id="${id}"]`;

export default {
  async 'UDI registers an agreement, a resident lives there, the month is approved and claimed'({ page, server }) {
    await login(page, server, 'admin', 1);
    await page.goto(`${server.url}/operators`);
    await page.click('main table tbody tr a');
    await page.click('text=Ny avtale');
    await page.waitForURL(/\/agreements\/new/);
    await expectAccessible(page, 'agreement-new');

    await page.selectOption('#kind', 'T');
    await page.fill('#signed', '01.11.2038');
    await page.fill('#operation_start', '01.01.2039');
    await page.fill('#valid_from', '01.01.2039');
    await page.fill('#valid_to', '01.01.2040');
    await page.fill('#notice_period_months', '3');
    await page.check(byId('u0.include'));
    await page.fill(byId('u0.fixed_places'), '0');
    await page.fill(byId('u0.fixed_annual_operating'), '120 000');
    await page.fill(byId('u0.fixed_annual_rent'), '0');
    await page.fill(byId('u0.t0.priority'), '90');
    await page.selectOption(byId('u0.t0.kind'), 'unit_price');
    await page.fill(byId('u0.t0.places'), '10');
    await page.fill(byId('u0.t0.price'), '500,00');
    await page.click('button >> text=Registrer avtalen');
    await page.waitForURL(/\/agreements\/\d+$/);
    assert.match(await page.textContent('main'), /tillegg/);
    await page.click('#edit');
    await page.waitForURL(/\/agreements\/\d+\/edit$/);
    await expectAccessible(page, 'agreement-edit');
    await page.fill(byId('u0.t0.price'), '525,00');
    await page.click('button >> text=Lagre endringene');
    await page.waitForURL(/\/agreements\/\d+$/);
    assert.match(await page.textContent('main'), /Versjon 2/);
    const centreHref = await page.getAttribute('main a[href^="/centres/"]', 'href');
    const centre = centreHref.match(/\/centres\/(\d+)/)[1];

    // Issue 15: from the new agreement, a plan; one of its tasks done, and the activity logged.
    await page.goto(`${server.url}/centres/${centre}/plans`);
    await page.selectOption('#template', 'opening');
    const agreements = await page.$$eval('#agreement_id option', (options) => options.map((option) => option.value));
    await page.selectOption('#agreement_id', agreements[agreements.length - 1]);
    await Promise.all([page.waitForURL(/\/plans\/\d+$/), page.click('button >> text=Start en plan')]);
    const task = page.locator('section[id^="task-"]').first();
    await task.locator('summary >> text=Oppdater oppgaven').click();
    await task.locator('select[name="status"]').selectOption('done');
    await Promise.all([page.waitForLoadState(), task.locator('button >> text=Lagre').click()]);
    assert.match(await page.locator('section[id^="task-"] .task-status').first().textContent(), /Utført/);
    await expectAccessible(page, 'plan-task-done');
    await Promise.all([page.waitForURL(/\/log\?task=/), page.locator('section[id^="task-"] a[href*="/log?task="]').first().click()]);
    await page.selectOption('#kind', 'call');
    await page.fill('#participants', 'Ulrik UDI\nMottaksleder');
    await page.fill('#summary', 'Oppstart avtalt på telefon.');
    await Promise.all([page.waitForURL(/\/log#entry-\d+$/), page.click('main button[type="submit"]:has-text("Lagre i loggen")')]);
    assert.match(await page.textContent('.log-timeline li'), /Oppstart avtalt på telefon\./);

    await page.goto(`${server.url}/centres/${centre}/residents`);
    await page.fill('#duf_number', '203912345678');
    await page.fill('#given_name', 'Amina');
    await page.fill('#family_name', 'Haile');
    await page.fill('#birth_date', '01.04.1990');
    await page.selectOption('#gender', 'female');
    await page.fill('#household', 'E2E-1');
    await page.fill('#from', '01.03.2039');
    await page.click('button >> text=Registrer');
    await page.waitForLoadState();

    await page.goto(`${server.url}/centres/${centre}/occupancy/2039-03`);
    await page.click('button >> text=Godkjenn');
    await page.waitForLoadState();
    assert.match(await page.textContent('#approval'), /Godkjent/);

    await page.goto(`${server.url}/centres/${centre}/claims`);
    await expectAccessible(page, 'centre-claims');
    await page.fill('#month', '2039-03');
    await page.click('button >> text=Lag refusjonskrav');
    await page.waitForURL(/\/claims\/\d+$/);
    await expectAccessible(page, 'claim');
    await page.screenshot({ path: join(screenshots, 'claim.png'), fullPage: true });
    const total = await page.textContent('#total');
    assert.match(total, /^kr\u00a0/);
    assert.match(await page.textContent('#lines'), /Stykkpris/);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
    const text = readFileSync(await csv.path(), 'utf8');
    assert.ok(text.startsWith('\ufeff'), 'CSV with BOM');
    assert.match(text, /;total;/);
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.click('#pdf')]);
    assert.ok(readFileSync(await pdf.path()).subarray(0, 5).toString() === '%PDF-');

    await page.goto(`${server.url}/claims?month=2039-03`);
    await expectAccessible(page, 'claims-overview');
    assert.match(await page.textContent('#summary'), /Innsendt|Ikke korrekt/);
  },
};
