// Placement proposals (R-SET-9): IMDi pastes two tables and sees the proposal with its bound.
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
    assert.equal(await page.textContent('#objective'), '13,500');
    assert.equal(await page.textContent('#gap'), '0,000 %');
    await expectAccessible(page, 'placement-result');
  },
};
