// Staff accounts (R-AUTH-6): the operator orders on a centre's "Ansatte" page (every error at
// once, input kept), the region approves on its list only with "E-læring fullført" ticked.
import assert from 'node:assert/strict';
import { expectAccessible, login } from '../lib.mjs';

export default {
  async 'staff: the operator orders an account and the form shows every error'({ page, server }) {
    await login(page, server, 'operator');
    await page.goto(`${server.url}/centres`);
    const href = await page.$eval('main table a[href^="/centres/"]', (link) => link.getAttribute('href'));
    const centre = href.match(/^\/centres\/(\d+)/)[1];
    await page.goto(`${server.url}/centres/${centre}`);
    await page.click('a >> text=Ansatte');
    await page.waitForURL(new RegExp(`/centres/${centre}/staff$`));
    await page.fill('#email', 'feil');
    await page.fill('#username', 'Ugyldig navn');
    await page.click('button >> text=Bestill');
    await page
      .waitForFunction(() => document.activeElement?.id === 'error-summary', null, { timeout: 5000 })
      .catch(() => {});
    const links = await page.$$eval('.ds-error-summary a', (all) => all.map((link) => link.getAttribute('href')));
    assert.deepEqual(links, ['#display_name', '#email', '#username']);
    assert.equal(await page.inputValue('#username'), 'Ugyldig navn');
    await expectAccessible(page, 'staff-order-errors');
    await page.fill('#display_name', 'Kari Nordmann');
    await page.fill('#email', 'kari@example.no');
    await page.fill('#username', 'kari.e2e');
    await page.click('button >> text=Bestill');
    await page.waitForSelector('td >> text=kari.e2e');
    assert.match(await page.textContent('main'), /Bestilt/);
    await expectAccessible(page, 'staff-centre');
  },

  async 'staff: the region list passes axe'({ page, server }) {
    await login(page, server, 'region.vest');
    await page.goto(`${server.url}/staff`);
    await expectAccessible(page, 'staff-region');
  },

  // The demo operator's first centre may be in any region; an admin decides for every region.
  async 'staff: an order is approved only with the e-learning confirmed'({ page, server }) {
    await login(page, server, 'admin');
    await page.goto(`${server.url}/staff`);
    await page.click('button >> text=Godkjenn kari.e2e');
    await page.waitForSelector('.ds-error-summary');
    assert.match(await page.textContent('.ds-error-summary'), /e-læringen/);
    await expectAccessible(page, 'staff-region-errors');
    const box = await page.$('.ds-error-summary a');
    const field = (await box.getAttribute('href')).slice(1);
    await page.check(`#${field}`);
    await page.click('button >> text=Godkjenn kari.e2e');
    await page.waitForSelector('text=Førstegangspassord');
    await expectAccessible(page, 'staff-approved');
  },
};
