// The registry: create an operator and a centre, change the operator, follow the history.
import assert from 'node:assert/strict';
import { expectAccessible, login } from '../lib.mjs';

export default {
  async 'UDI registers an operator and a centre, then changes its operator'({ page, server }) {
    await login(page, server, 'udi');

    await page.goto(`${server.url}/operators`);
    await expectAccessible(page, 'operators');
    await page.click('a >> text=Ny driftsoperatør');
    await expectAccessible(page, 'operator-new');
    await page.fill('#name', 'Testdrift AS');
    await page.fill('#organisation_number', '974760674');
    await page.click('button >> text=Registrer');
    assert.match(await page.textContent('#organisation_number-error'), /check digit|kontrollsiffer/i);
    await page.fill('#organisation_number', '974760673');
    await page.click('button >> text=Registrer');
    await page.waitForURL(/\/operators\/\d+$/);
    const heading = await page.textContent('h1');
    assert.match(heading, /Testdrift AS \(DRO\d{4}\)/);
    await expectAccessible(page, 'operator');

    await page.goto(`${server.url}/centres?series=03`);
    await expectAccessible(page, 'centres');
    await page.click('a >> text=Registrer mottak');
    await expectAccessible(page, 'centre-new');
    await page.fill('#name', 'Testby asylmottak');
    await page.selectOption('#category', 'ordinary');
    await page.selectOption('#series', '03');
    await page.fill('#municipality_number', '0301');
    await page.fill('#postal_code', '0000');
    await page.selectOption('#operator_id', { label: heading.trim() });
    await page.click('button >> text=Registrer');
    assert.match(await page.textContent('#postal_code-error'), /postal-code list|postnummerlisten/);
    await page.fill('#postal_code', '0010');
    await page.click('button >> text=Registrer');
    const number = (await page.textContent('#created-number')).trim();
    assert.equal(number, '0304', 'first free number in series 03 after the demo centres 0301–0303');

    await page.click(`a:has(#created-number)`);
    await page.waitForURL(/\/centres\/\d+$/);
    assert.match(await page.textContent('h1'), /0304 Testby asylmottak/);
    await expectAccessible(page, 'centre');

    await page.selectOption('#co-operator', { label: 'Nordlys Mottak AS (DRO1001)' });
    await page.fill('#co-name', 'Nyby asylmottak');
    await page.click('form:has(#co-operator) button');
    await page.waitForURL(/\/lifecycle\?/);
    assert.equal((await page.textContent('#new-number')).trim(), '0305');
    assert.match(await page.textContent('main'), /Nytt k-sted|external cost centre|kostnadssted/i);
    await expectAccessible(page, 'lifecycle-confirm');
    await page.click('button >> text=Bekreft og utfør');
    await page.waitForURL(/\/centres\/\d+$/);
    assert.match(await page.textContent('h1'), /0305 Nyby asylmottak/);
    assert.match(await page.textContent('.facts'), /Opprettet fra/);
    await page.click('.facts a >> text=0304 Testby asylmottak');
    assert.match(await page.textContent('h1'), /0304 Testby asylmottak/);
    assert.match(await page.textContent('p:has(.ds-tag)'), /Nedlagt/);
    const history = await page.textContent('table');
    assert.match(history, /change_operator/);
    assert.match(history, /0305/);
  },

  async 'the public address list needs no login and is accessible'({ page, server }) {
    await page.goto(`${server.url}/address-list`);
    assert.match(await page.textContent('h1'), /Adresseliste/);
    await expectAccessible(page, 'address-list');
  },
};
