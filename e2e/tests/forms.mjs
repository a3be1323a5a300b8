// Forms for caseworkers (issue 17): every error at once, beside its field and in the error
// summary (which links to the fields and takes focus), in the user's language, input kept.
import assert from 'node:assert/strict';
import { expectAccessible, login } from '../lib.mjs';

async function summaryLinks(page) {
  return page.$$eval('.ds-error-summary a', (links) => links.map((link) => [link.getAttribute('href'), link.textContent]));
}

async function expectFocusedSummaryLinkingTo(page, hrefs) {
  // Chromium applies `autofocus` at its next rendering update, which on a loaded machine can come
  // after the page's load event: wait for it rather than sample the moment after navigation.
  await page
    .waitForFunction(() => document.activeElement?.id === 'error-summary', null, { timeout: 5000 })
    .catch(() => {});
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary', 'the summary takes focus');
  const links = await summaryLinks(page);
  assert.deepEqual(links.map(([href]) => href), hrefs, JSON.stringify(links));
  await page.click(`.ds-error-summary a[href="${hrefs[0]}"]`);
  assert.equal(await page.evaluate(() => location.hash), hrefs[0]);
}

export default {
  async 'centre form keeps the input and shows every error in Norwegian'({ page, server }) {
    await login(page, server, 'udi');
    await page.goto(`${server.url}/centres/new`);
    await page.fill('#name', 'Skjema asylmottak');
    await page.selectOption('#category', 'ordinary');
    await page.selectOption('#series', '03');
    await page.fill('#municipality_number', '0301');
    await page.fill('#postal_code', '0000');
    await page.fill('#phone', 'abc');
    await page.click('button >> text=Registrer');
    await expectFocusedSummaryLinkingTo(page, ['#postal_code', '#operator_id', '#phone']);
    const links = await summaryLinks(page);
    assert.match(links[2][1], /^Telefon.*er ikke et telefonnummer/);
    assert.equal(await page.inputValue('#phone'), 'abc');
    assert.equal(await page.inputValue('#name'), 'Skjema asylmottak');
    assert.match(await page.textContent('#operator_id-error'), /Velg driftsoperatør/);
    await expectAccessible(page, 'centre-new-errors');
  },

  async 'operator form keeps the input and shows every error'({ page, server }) {
    await login(page, server, 'udi');
    await page.goto(`${server.url}/operators/new`);
    await page.fill('#name', 'Skjemadrift AS');
    await page.fill('#organisation_number', '123');
    await page.fill('#phone', '12');
    await page.click('button >> text=Registrer');
    await expectFocusedSummaryLinkingTo(page, ['#organisation_number', '#phone']);
    assert.equal(await page.inputValue('#name'), 'Skjemadrift AS');
    assert.match(await page.textContent('#organisation_number-error'), /ni sifre/);
    await expectAccessible(page, 'operator-new-errors');
  },

  async 'user form keeps the input and names the field'({ page, server }) {
    await login(page, server, 'admin');
    await page.goto(`${server.url}/admin/users`);
    await page.fill('#username', 'Ugyldig navn');
    await page.click('button >> text=Opprett bruker');
    await expectFocusedSummaryLinkingTo(page, ['#username']);
    assert.equal(await page.inputValue('#username'), 'Ugyldig navn');
    assert.match((await summaryLinks(page))[0][1], /^Brukernavn/);
    await expectAccessible(page, 'users-errors');
  },
};
