import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FrameReports, type SessionStore } from './frame-reports.ts';

/** storage.session as a plain object. */
function memoryStore(): SessionStore & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (key) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items) => { Object.assign(data, structuredClone(items)); },
  };
}

test("a tab's total is the sum over its frames; a frame's new report replaces its old one", async () => {
  const r = new FrameReports(memoryStore());
  assert.equal(await r.report(1, 0, 5), 5);
  assert.equal(await r.report(1, 17, 3), 8);
  assert.equal(await r.report(1, 17, 4), 9);
  assert.equal(await r.report(2, 0, 1), 1);
  assert.deepEqual(await r.frames(1), [0, 17]);
  assert.equal(await r.forgetFrame(1, 17), 5);
  await r.forgetTab(1);
  assert.deepEqual(await r.frames(1), []);
});

test('a restarted background finds the frames that reported before', async () => {
  const store = memoryStore();
  const first = new FrameReports(store);
  await first.report(3, 0, 2);
  await first.report(3, 40, 6);
  await new Promise((r) => setTimeout(r, 0)); // the save is not awaited by report
  const second = new FrameReports(store);
  assert.deepEqual(await second.frames(3), [0, 40]);
  assert.equal(await second.report(3, 41, 1), 9);
});

test('without session storage it still counts', async () => {
  const r = new FrameReports(undefined);
  assert.equal(await r.report(1, 0, 2), 2);
});
