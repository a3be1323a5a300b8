// Placement proposals (R-SET-9): IMDi pastes two tables and sees the proposal with its bound;
// and IMDi proposes from the register (waiting households, remaining decided numbers).
import assert from 'node:assert/strict';
import { expectAccessible, login } from '../lib.mjs';

export default {
  async 'IMDi gets a placement proposal with a proven bound'({ page, server }) {
    await login(page, server, 'imdi');
    await page.goto(`${server.url}/placement`);
    await expectAccessible(page, 'placement');
    await page.fill('#capacities', 'municipality;capacity\n0301;4\n4601;4');
    await page.fill('#scores', 'household;size;municipality;score\nfamily;3;0301;9\nfamily;3;4601;6\na;1;0301;2\na;1;4601;1\nb;1;0301;3\nc;1;4601;0,5');
    await page.fill('#time_limit_ms', '1000');
    await page.click('button >> text=Lag forslag');
    await page.waitForSelector('#objective');
    assert.equal(await page.textContent('#objective'), '13,50');
    assert.equal(await page.textContent('#gap'), '0,00 %');
    assert.match(await page.textContent('table'), /0301 Oslo/);
    await expectAccessible(page, 'placement-result');
  },

  async 'the placement page names an unknown municipality and keeps the input'({ page, server }) {
    await login(page, server, 'imdi');
    await page.goto(`${server.url}/placement`);
    await page.fill('#capacities', '9999;4');
    await page.fill('#scores', 'a;1;9999;1\nbad line');
    await page.click('button >> text=Lag forslag');
    await page.waitForSelector('#error-summary');
    assert.match(await page.textContent('#capacities-error'), /kommunen 9999 finnes ikke/);
    assert.match(await page.textContent('#scores-error'), /linje 2/);
    assert.equal(await page.inputValue('#scores'), 'a;1;9999;1\nbad line');
    await expectAccessible(page, 'placement-errors');
  },

  async 'IMDi makes a placement proposal from the register and is told what sending needs'({ page, server }) {
    await login(page, server, 'imdi');
    await page.goto(`${server.url}/settlement/placement`);
    await page.waitForSelector('#remaining');
    assert.match(await page.textContent('#remaining'), /4601 Bergen/);
    await expectAccessible(page, 'placement-register');
    await page.fill('#time_limit_ms', '1000');
    await page.click('button >> text=Lag forslag');
    const answer = await Promise.race([
      page.waitForSelector('#objective').then(() => 'proposal'),
      page.waitForSelector('#error-summary').then(() => 'errors'),
    ]);
    // The demo has waiting households and approved decisions with room.
    assert.equal(answer, 'proposal');
    {
      assert.match(await page.textContent('#upper-bound'), /^\d[\d\u00a0]*,\d\d$/);
      await expectAccessible(page, 'placement-register-proposal');
      // A deadline in the past is refused beside its field; nothing is offered.
      await page.fill('#deadline', '01.01.2001');
      await page.click('button >> text=Send tilbud');
      await page.waitForSelector('#deadline-error');
      await expectAccessible(page, 'placement-register-send-error');
    }
  },
};
