// The foundation's pages: login, TOTP, enrolment, dashboard, user administration, event log.
import assert from 'node:assert/strict';
import { expectAccessible, login, nextCode, totpCode } from '../lib.mjs';

export default {
  async 'login page is accessible'({ page, server }) {
    await page.goto(`${server.url}/login`);
    await expectAccessible(page, 'login');
  },

  async 'admin logs in with password and TOTP and reaches the dashboard'({ page, server }) {
    await page.goto(`${server.url}/`);
    assert.match(page.url(), /\/login\?next=/);
    await page.fill('#username', 'admin');
    await page.fill('#password', server.password);
    await page.click('button[type=submit] >> text=Logg inn');
    await page.waitForURL(/\/login\/totp/);
    await expectAccessible(page, 'totp');
    await page.fill('#code', await nextCode('admin', server.secrets.admin));
    await page.click('button[type=submit] >> text=Bekreft');
    await page.waitForURL(`${server.url}/`);
    assert.match(await page.textContent('h1'), /Velkommen, Ada Admin/);
    assert.equal(await page.textContent('#c-mun + .metric'), '356');
    assert.equal(await page.textContent('#c-centres + .metric'), '60');
    await expectAccessible(page, 'dashboard');
  },

  async 'admin creates a user who then enrols TOTP with the QR code'({ page, server, browser }) {
    await login(page, server, 'admin');
    await page.goto(`${server.url}/admin/users`);
    await expectAccessible(page, 'users');
    await page.fill('#username', 'nina.ny');
    await page.fill('#display_name', 'Nina Ny');
    await page.selectOption('#role', 'udi_adm');
    await page.fill('#password', 'Fjordhest-Lyng-Nina-2026');
    await page.click('button >> text=Opprett bruker');
    await page.waitForSelector('text=Brukeren er opprettet.');
    await page.click('a >> text=nina.ny');
    await expectAccessible(page, 'user-edit');
    // The address for reminders: a bad one is shown beside the form, with the input kept.
    await page.fill('#email', 'nina@');
    await page.click('button >> text=Lagre e-postadresse');
    await page.waitForSelector('#email-error');
    await expectAccessible(page, 'user-edit-email-error');
    await page.fill('#email', 'nina.ny@udi.example.no');
    await page.click('button >> text=Lagre e-postadresse');
    await page.waitForSelector('text=Endringen er lagret.');

    const context = await browser.newContext({ locale: 'nb-NO', bypassCSP: true });
    const newcomer = await context.newPage();
    await newcomer.goto(`${server.url}/login`);
    await newcomer.fill('#username', 'nina.ny');
    await newcomer.fill('#password', 'Fjordhest-Lyng-Nina-2026');
    await newcomer.click('button[type=submit] >> text=Logg inn');
    await newcomer.waitForURL(/\/login\/enrol/);
    assert.ok(await newcomer.$('figure.qr svg'), 'QR code shown');
    await expectAccessible(newcomer, 'enrol');
    const secret = (await newcomer.textContent('code.secret')).trim();
    await newcomer.fill('#code', totpCode(secret));
    await newcomer.click('button[type=submit] >> text=Bekreft');
    await newcomer.waitForSelector('.recovery-codes');
    assert.equal((await newcomer.$$('.recovery-codes li')).length, 10);
    await expectAccessible(newcomer, 'recovery-codes');
    await newcomer.click('text=fortsett');
    await newcomer.waitForURL(`${server.url}/`);
    await context.close();
  },

  async 'event log and calendar pages are accessible'({ page, server }) {
    await login(page, server, 'udi');
    await page.goto(`${server.url}/events`);
    await expectAccessible(page, 'events');
    await page.fill('#q', 'reference');
    await page.click('button >> text=Søk');
    await page.waitForSelector('text=reference.loaded');
    await page.goto(`${server.url}/calendar?date=01.04.2026&days=1`);
    await expectAccessible(page, 'calendar');
  },

  async 'interface switches to English'({ page, server }) {
    await page.goto(`${server.url}/login`);
    await page.click('a >> text=English');
    await page.waitForSelector('h1 >> text=Log in');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await expectAccessible(page, 'login-en');
  },

  async 'the help link opens the guide at the role, with the screenshots the tests took'({ page, server }) {
    await login(page, server, 'operator');
    await page.click('#help-link');
    await page.waitForURL(/\/help#operator$/);
    assert.ok(await page.isVisible('h2#operator'));
    const image = await page.$('img[src="/help/screenshots/dashboard-operator.png"]');
    assert.ok(image, 'the operator section shows its start page');
    assert.ok(await image.evaluate((img) => img.complete && img.naturalWidth > 0), 'the screenshot loads');
    await expectAccessible(page, 'help');
    await page.click('a >> text=English');
    await page.waitForSelector('h1 >> text=User guide');
    await expectAccessible(page, 'help-en');
  },

  // The whole crawl of every role's pages is a Rust test (tests/api/languages.rs); here the
  // browser sees what a user sees, after a switch of language, on each entry of the menu.
  async 'the English interface has no bokmål left on the menu pages, and the reverse'({ page, server }) {
    const bokmal = /\b(Oversikt|Lagre|Logg ut|Hjelp|Last ned|Innlogget som|Hendelseslogg|Brukerveiledning|Søk i navn)\b/;
    const english = /\b(Overview|Save|Log out|Help|Download|Signed in as|Event log|User guide|Search name)\b/;
    await login(page, server, 'udi');
    const menu = await page.$$eval('nav.site-nav a', (links) => links.map((link) => link.getAttribute('href')));
    assert.ok(menu.length >= 8, `the menu has its entries: ${menu}`);
    const visible = async () => page.evaluate(() => {
      const clone = document.body.cloneNode(true);
      clone.querySelectorAll('[lang], script, textarea').forEach((element) => element.remove());
      return clone.innerText;
    });
    for (const [code, foreign] of [['en', bokmal], ['nb', english]]) {
      await page.goto(`${server.url}/language/${code}?back=/`);
      for (const href of [...menu.filter((link) => !link.startsWith('/api')), '/help']) {
        await page.goto(`${server.url}${href}`);
        assert.equal(await page.getAttribute('html', 'lang'), code, href);
        const text = await visible();
        const match = text.match(foreign);
        assert.equal(match, null, `${href} in ${code} shows «${match?.[0]}»`);
      }
    }
    await expectAccessible(page, 'centres-nb-after-english');
  },

  async 'calendar page computes a deadline without JavaScript'({ browser, server }) {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'nb-NO' });
    const page = await context.newPage();
    await login(page, server, 'region.vest');
    await page.goto(`${server.url}/calendar`);
    await page.fill('#date', '01.04.2026');
    await page.fill('#days', '1');
    await page.click('button >> text=Regn ut');
    assert.equal(await page.textContent('#result'), '07.04.2026');
    await context.close();
  },
};
