// The claim simulation page (issue 10): fill an agreement, see the claim in Norwegian format,
// download it as CSV, and do the same without JavaScript.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { expectAccessible, login } from '../lib.mjs';

const nbsp = '\u00a0';

/** A main agreement for March 2026: 10 fixed places, kr 1 200 000 a year for operation, 5 places
 * at kr 850,50 and over-occupancy at kr 1 000; 17 residents every day. */
async function fillSimpleAgreement(page) {
  await page.fill('#month', '03.2026');
  await page.selectOption('#u0-place_type', 'ordinary');
  await page.fill('#u0-residents', '17');
  await page.selectOption('#u0-a0-kind', 'H');
  await page.fill('#u0-a0-valid_from', '01.01.2026');
  await page.fill('#u0-a0-last_day', '31.12.2026');
  await page.fill('#u0-a0-fixed_places', '10');
  await page.fill('#u0-a0-fixed_annual_operating', '1 200 000');
  await page.fill('#u0-a0-unit_tiers-paste', '1;stykkpris;5;850,50\n2;stykkpris;0;1 000');
}

// 100 000,00 + 31 × 5 × 850,50 + 31 × 2 × 1 000,00
const simpleTotal = `kr${nbsp}293${nbsp}827,50`;

export default {
  async 'claim simulation shows lines, warnings and total, and errors beside the field'({ page, server }) {
    await login(page, server, 'udi', 1);
    await page.click('nav >> text=Simuler krav');
    await page.waitForURL(/\/claims\/simulate$/);
    await expectAccessible(page, 'claims');

    await fillSimpleAgreement(page);
    // A supplement from the 10th with 3 more places at kr 900 before the over-occupancy tier.
    await page.click('summary >> text=Enhet 1, avtale 2');
    await page.selectOption('#u0-a1-kind', 'T');
    await page.fill('#u0-a1-valid_from', '10.03.2026');
    await page.fill('#u0-a1-last_day', '31.05.2026');
    await page.fill('#u0-a0-unit_tiers-paste', '1;stykkpris;5;850,50\n3;stykkpris;0;1 000');
    await page.fill('#u0-a1-unit_tiers-paste', '2;stykkpris;3;900');
    await page.click('button >> text=Beregn krav');
    // 100 000 + 155 × 850,50 + 22 × 2 × 900 (10th–31st) + (9 × 2 + 0) × 1 000
    assert.equal(await page.textContent('#total'), `kr${nbsp}289${nbsp}427,50`);
    assert.equal(await page.locator('#claim-lines tbody tr').count(), 4);
    await expectAccessible(page, 'claims-result');

    // The pasted tiers are rows now; a negative price in the second: beside the table and summarised.
    assert.equal(await page.inputValue('#u0-a0-unit_tiers-r1-price'), '1 000');
    await page.fill('#u0-a0-unit_tiers-r1-price', '-1');
    await page.click('button >> text=Beregn krav');
    assert.match(await page.textContent('#u0-a0-unit_tiers-error'), /Rad 2, pris: kan ikke være negativ/);
    assert.match(await page.getAttribute('#u0-a0-unit_tiers', 'aria-describedby'), /u0-a0-unit_tiers-error/);
    assert.match(await page.textContent('.ds-error-summary'), /units\[0\]\.agreements\[0\]\.unit_tiers\[1\]\.price/);
    await expectAccessible(page, 'claims-errors');

    // The download carries the claim as CSV.
    await page.fill('#u0-a0-unit_tiers-r1-price', '1 000');
    await page.click('button >> text=Beregn krav');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('.claim-result button >> text=Last ned CSV'),
    ]);
    assert.equal(download.suggestedFilename(), 'refusjonskrav-2026-03.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    assert.ok(csv.startsWith('\ufeffmonth;kind;place_type;'), csv);
    assert.match(csv, /\r\n2026-03;total;;;;;;28942750\r\n/);
  },

  async 'claim simulation works without JavaScript'({ browser, server }) {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'nb-NO' });
    const page = await context.newPage();
    await login(page, server, 'region.vest', 1);
    await page.goto(`${server.url}/claims/simulate`);
    await fillSimpleAgreement(page);
    await page.click('button >> text=Beregn krav');
    assert.equal(await page.textContent('#total'), simpleTotal);
    await context.close();
  },
};
