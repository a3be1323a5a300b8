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
    // R-PLN-3: from a task of the plan, log the activity that did it; it heads the timeline.
    await page.click('main a[href*="/log?task="]');
    await page.waitForURL(/\/centres\/\d+\/log\?task=/);
    assert.notEqual(await page.inputValue('#task'), '', 'the task is preselected');
    await expectAccessible(page, 'log-form');
    // Every error at once in the summary, the input kept.
    await page.fill('#date', '31.02.2026');
    await page.fill('#follow_up_1_text', 'Sende referat til driftsoperatøren');
    await Promise.all([page.waitForURL(/\/centres\/\d+\/log$/), page.click('main button[type="submit"]:has-text("Lagre i loggen")')]);
    const hrefs = await page.$$eval('.ds-error-summary a', (links) => links.map((link) => link.getAttribute('href')));
    assert.deepEqual(hrefs, ['#date', '#participants', '#summary']);
    assert.equal(await page.inputValue('#follow_up_1_text'), 'Sende referat til driftsoperatøren');
    await expectAccessible(page, 'log-form-errors');
    await page.fill('#date', inDays(-1));
    await page.selectOption('#kind', 'meeting');
    await page.fill('#participants', 'Kari Nordmann (UDI)\nOla Hansen (mottaksleder)');
    await page.fill('#summary', 'Oppstartsmøte: kontraktsforpliktelser gjennomgått.');
    await page.fill('#follow_up_1_text', 'Sende referat til driftsoperatøren');
    await page.check('#complete_task');
    await Promise.all([page.waitForURL(/\/log#entry-\d+$/), page.click('main button[type="submit"]:has-text("Lagre i loggen")')]);
    const first = await page.textContent('.log-timeline li');
    assert.match(first, /Møte/);
    assert.match(first, /Oppstartsmøte: kontraktsforpliktelser gjennomgått\./);
    assert.match(first, /Sende referat til driftsoperatøren/);
    await expectAccessible(page, 'log-timeline');
    await visit(page, server, '/plans/preview', 'plans-preview');
    await page.click('#templates-link');
    await page.waitForURL(/\/plans\/templates\/opening$/);
    assert.match(await page.textContent('#template-version'), /Versjon 1/);
    await expectAccessible(page, 'plan-template');
    await visit(page, server, '/claims', 'claims-overview', /Lag alle krav som kan lages for/);
    await visit(page, server, '/events?entity_type=centre', 'events-words', /Mottak: registrert/);
  },

  async 'each role starts on its own work, and only admins see the system figures'({ browser, server }) {
    const expected = {
      admin: ['#panel-tasks', '#panel-accounting', '#system'],
      udi: ['#panel-tasks', '#panel-accounting', '#panel-lifecycle'],
      'region.vest': ['#panel-tasks', '#panel-centres'],
      operator: ['#panel-centres'],
      imdi: ['#shortcuts'],
      'kommune.admin': ['#shortcuts'],
      kommune: ['#shortcuts'],
    };
    for (const [username, selectors] of Object.entries(expected)) {
      const context = await browser.newContext({ locale: 'nb-NO', bypassCSP: true });
      const page = await context.newPage();
      await login(page, server, username);
      await page.goto(`${server.url}/`);
      for (const selector of selectors) {
        assert.ok(await page.isVisible(selector), `${username} sees ${selector}`);
      }
      if (username !== 'admin') assert.equal(await page.$('#system'), null, `${username} sees no system figures`);
      await expectAccessible(page, `dashboard-${username}`);
      await context.close();
    }
  },

  async 'UDI sees its tasks in the month calendar and makes a calendar link for Outlook'({ page, server }) {
    await login(page, server, 'admin');
    await page.goto(`${server.url}/tasks`);
    const due = (await page.textContent('#tasks tbody')).match(/(\d\d)\.(\d\d)\.(\d{4})/);
    assert.ok(due, 'the demo has a dated task');
    await page.click('#calendar-link');
    await page.waitForURL(/\/tasks\/calendar$/);
    await page.fill('#month', `${due[3]}-${due[2]}`);
    await page.click('button >> text=Vis');
    await page.waitForURL(/month=/);
    const cell = page.locator(`#day-${due[3]}-${due[2]}-${due[1]}`);
    assert.ok((await cell.locator('a[href^="/plans/"]').count()) > 0, 'the task is on its due day');
    await expectAccessible(page, 'tasks-calendar');
    await page.click('button >> text=Lag kalenderlenke');
    const url = await page.inputValue('#feed-url');
    assert.match(url, /\/feeds\/mcf_[\w-]+\.ics$/);
    await expectAccessible(page, 'tasks-calendar-link');
    const feed = await page.request.get(url);
    assert.equal(feed.status(), 200);
    assert.match(await feed.text(), /BEGIN:VEVENT/);
  },
};

const inDays = (days) => {
  const date = new Date(Date.now() + days * 86_400_000);
  return `${String(date.getDate()).padStart(2, '0')}.${String(date.getMonth() + 1).padStart(2, '0')}.${date.getFullYear()}`;
};

export const settlement = {
  async 'IMDi offers a household, the municipality says yes and opens the folder, the centre registers the settlement date'({ page, server, browser }) {
    await login(page, server, 'imdi');
    await visit(page, server, '/settlement/report', 'settlement-report');
    // A figure of the report opens the records behind it, which add up to it.
    const figure = await page.$('#report tbody a[href*="figure=requested"]');
    if (figure) {
      const value = (await figure.textContent()).trim();
      await figure.click();
      await page.waitForURL(/\/settlement\/report\/records/);
      assert.equal((await page.textContent('#records-total td')).trim(), value);
      await expectAccessible(page, 'settlement-report-records');
    }
    await visit(page, server, '/settlement/agreements', 'settlement-agreements');
    await visit(page, server, '/settlement', 'settlement-imdi');
    await page.fill('#offer_municipality', '4601');
    await page.fill('#household', 'nasser');
    await page.fill('#deadline', inDays(14));
    await page.click('button >> text=Tilby husstand');
    await page.waitForLoadState();
    assert.match(await page.textContent('#offers'), /4601/);

    const municipalContext = await browser.newContext({ locale: 'nb-NO', bypassCSP: true });
    const centreContext = await browser.newContext({ locale: 'nb-NO', bypassCSP: true });
    try {
      const municipal = await municipalContext.newPage();
      await login(municipal, server, 'kommune');
      await visit(municipal, server, '/settlement', 'settlement-municipality');
      const offer = municipal.locator('section.offer').last();
      await offer.locator('input[value=yes]').check();
      await offer.locator('button >> text=Send svar').click();
      await municipal.waitForLoadState();
      const folderLink = municipal.locator('#offers a[href$="/folder"]').last();
      const folder = await folderLink.getAttribute('href');
      await folderLink.click();
      await municipal.waitForURL(/\/folder$/);
      await expectAccessible(municipal, 'folder-municipality');
      // R-SET-8: the municipality's own notes on the person, from the folder page; an empty note
      // is refused beside its field and in the summary.
      await municipal.click('#resident-notes');
      await municipal.waitForURL(/\/notes$/);
      await expectAccessible(municipal, 'notes-municipality');
      await municipal.click('button >> text=Lagre notat');
      await municipal.waitForLoadState();
      assert.equal(await municipal.getAttribute('#body', 'aria-invalid'), 'true');
      assert.ok(await municipal.isVisible('.ds-error-summary'), 'the error summary is shown');
      await expectAccessible(municipal, 'notes-error');
      await municipal.fill('#body', 'Ønsker bolig nær skolen');
      await municipal.click('button >> text=Lagre notat');
      await municipal.waitForURL(/\/notes(#note-\d+)?$/);
      assert.match(await municipal.textContent('#notes'), /Ønsker bolig nær skolen/);
      // R-SET-8: the accepted offer's case is a download from its row.
      await municipal.goto(`${server.url}/settlement`);
      assert.ok(await municipal.locator('#offers a[href$="/export.pdf"]').count() > 0, 'the case export is linked');
      await municipal.goto(`${server.url}${folder}`);

      const centre = await centreContext.newPage();
      await login(centre, server, 'operator');
      await centre.goto(`${server.url}${folder}`);
      await centre.fill('#education', 'Videregående skole');
      await centre.fill('#languages', 'arabisk, engelsk');
      await centre.click('button >> text=Lagre personmappen');
      await centre.waitForLoadState();
      await centre.fill('#date', inDays(0));
      await centre.click('button >> text=Registrer bosetting');
      await centre.waitForLoadState();
      assert.match(await centre.textContent('#settled-on'), /\d{2}\.\d{2}\.\d{4}/);

      await municipal.reload();
      assert.equal(await municipal.inputValue('#education'), 'Videregående skole');
    } finally {
      await municipalContext.close();
      await centreContext.close();
    }
  },
};
