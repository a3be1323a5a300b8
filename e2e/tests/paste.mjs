// Issue 17 items 5 and 7: names beside numbers as the user types, the structured row editors of
// the claim simulation (with and without JavaScript), a paste from Excel, and an import by file.
import assert from 'node:assert/strict';
import { expectAccessible, login } from '../lib.mjs';

const nbsp = '\u00a0';

async function fillAgreement(page) {
  await page.fill('#month', '03.2026');
  await page.selectOption('#u0-place_type', 'ordinary');
  await page.fill('#u0-residents', '17');
  await page.selectOption('#u0-a0-kind', 'H');
  await page.fill('#u0-a0-valid_from', '01.01.2026');
  await page.fill('#u0-a0-last_day', '31.12.2026');
  await page.fill('#u0-a0-fixed_places', '10');
  await page.fill('#u0-a0-fixed_annual_operating', '1 200 000');
}

export default {
  async 'a tab-separated paste from Excel with a header and decimal commas fills the tier rows'({ page, server }) {
    await login(page, server, 'udi');
    await page.goto(`${server.url}/claims/simulate`);
    await fillAgreement(page);
    // As Excel copies cells: tabs between them, CRLF line ends, the header row first.
    await page.fill('#u0-a0-unit_tiers-paste',
      'Prioritet\tType\tPlasser\tPris\r\n1\tstykkpris\t5\t850,50\r\n2\tstykkpris\t0\t1 000,00\r\n');
    await page.click('button >> text=Beregn krav');
    assert.equal(await page.textContent('#total'), `kr${nbsp}293${nbsp}827,50`);
    assert.equal(await page.inputValue('#u0-a0-unit_tiers-r0-price'), '850,50');
    assert.equal(await page.inputValue('#u0-a0-unit_tiers-r1-price'), '1 000,00');
    assert.equal(await page.inputValue('#u0-a0-unit_tiers-r1-kind'), 'unit_price');
    assert.equal(await page.inputValue('#u0-a0-unit_tiers-paste'), '');
    await expectAccessible(page, 'claims-pasted-rows');

    // With JavaScript, "Legg til rad" adds a row in the page, and "Fjern rad" removes one.
    const url = page.url();
    const rows = page.locator('#u0-a0-unit_tiers tbody tr');
    const before = await rows.count();
    await page.click('#u0-a0-unit_tiers button[name=add_row]');
    assert.equal(await rows.count(), before + 1);
    assert.equal(page.url(), url, 'no round trip');
    assert.equal(await page.inputValue(`#u0-a0-unit_tiers-r${before}-price`), '');
    await page.click(`#u0-a0-unit_tiers button[name=remove_row][value="u0-a0-unit_tiers-r${before}"]`);
    assert.equal(await rows.count(), before);
  },

  async 'the structured editor adds a row without JavaScript and keeps what was typed'({ browser, server }) {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'nb-NO' });
    const page = await context.newPage();
    await login(page, server, 'region.vest');
    await page.goto(`${server.url}/claims/simulate`);
    await fillAgreement(page);
    await page.fill('#u0-a0-unit_tiers-r0-priority', '1');
    await page.fill('#u0-a0-unit_tiers-r0-places', '5');
    await page.fill('#u0-a0-unit_tiers-r0-price', '850,50');
    await page.click('#u0-a0-unit_tiers button[name=add_row]');
    // The form again, with the typed row, its blank row and the one added.
    assert.equal(await page.locator('#u0-a0-unit_tiers tbody tr').count(), 3);
    assert.equal(await page.inputValue('#u0-a0-unit_tiers-r0-price'), '850,50');
    assert.equal(await page.inputValue('#month'), '03.2026');
    assert.equal(await page.inputValue('#u0-a0-fixed_annual_operating'), '1 200 000');
    await page.fill('#u0-a0-unit_tiers-r1-priority', '2');
    await page.fill('#u0-a0-unit_tiers-r1-places', '0');
    await page.fill('#u0-a0-unit_tiers-r1-price', '1 000');
    await page.click('button >> text=Beregn krav');
    assert.equal(await page.textContent('#total'), `kr${nbsp}293${nbsp}827,50`);
    await context.close();
  },

  async 'an import by file shows every error of the bad row'({ page, server }) {
    await login(page, server, 'udi');
    await page.goto(`${server.url}/registry/import`);
    await expectAccessible(page, 'import');
    await page.check('#kind-centres');
    await page.setInputFiles('#file', {
      name: 'mottak.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('number;name;category;municipality_number;postal_code;operator_dro\n'
        + '0398;Feil asylmottak;nonsense;9999;0000;DRO9999\n'),
    });
    await page.click('button[type=submit] >> text=Kjør');
    const problems = await page.textContent('table tbody tr');
    // Every error of the row at once, each by its column's label, in bokmål.
    for (const label of ['Mottakskategori', 'DRO-nummer', 'Kommunenummer', 'Postnummer']) {
      assert.match(problems, new RegExp(`${label}: `), problems);
    }
    assert.doesNotMatch(problems, /not in the|must be|unknown/, problems);
    assert.match(await page.textContent('#import-summary'), /0 \/ 1/);
    await expectAccessible(page, 'import-file-errors');
  },

  async 'the municipality name appears beside the number as it is typed'({ page, server }) {
    await login(page, server, 'udi');
    await page.goto(`${server.url}/centres/new`);
    await page.fill('#municipality_number', '4601');
    await page.waitForFunction(() => document.querySelector('#municipality_number-name')?.textContent === 'Bergen');
    await page.fill('#postal_code', '0010');
    await page.waitForFunction(() => document.querySelector('#postal_code-name')?.textContent === 'Oslo');
    await page.fill('#municipality_number', '9999');
    await page.waitForFunction(() => document.querySelector('#municipality_number-name')?.textContent === 'Ukjent kommunenummer');
    await page.fill('#municipality_number', '4601');
    await expectAccessible(page, 'centre-new-names');

    // Registered with an Oslo postal code: saved, with the warning naming both municipalities.
    await page.fill('#name', 'Fjordlys asylmottak');
    await page.selectOption('#category', 'ordinary');
    await page.selectOption('#series', '12');
    await page.selectOption('#operator_id', { index: 1 });
    await page.click('button >> text=Registrer');
    assert.match(await page.textContent('main'), /Postnummer 0010 \(Oslo\) ligger i 0301 Oslo, ikke i mottakets kommune 4601 Bergen/);
    await page.click('#created-number');
    assert.match(await page.textContent('#postal-warning'), /0301 Oslo/);
    assert.match(await page.textContent('main'), /4601 Bergen/);
    await expectAccessible(page, 'centre-postal-warning');

    await page.goto(`${server.url}/centres`);
    assert.match(await page.textContent('main table'), /\d{4} [A-ZÆØÅ][a-zæøå]+/);
    await expectAccessible(page, 'centres-with-names');
    await page.goto(`${server.url}/operators`);
    await page.click('main table a >> nth=0');
    await expectAccessible(page, 'operator-with-names');
  },
};
