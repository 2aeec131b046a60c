import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUCKETS, bucketOf, deleteWords, importWords, isQuotaError, listWords, restoreWords, saveWord, WORD_KEY_PREFIX, type WordStorage } from './word-list.ts';

/**
 * storage.local as Chrome behaves: a set() whose total would pass the quota
 * is refused whole with Chrome's message, and nothing is written.
 */
class MemoryStorage implements WordStorage {
  data = new Map<string, unknown>();
  constructor(readonly quota = Infinity) {}
  private size(map: Map<string, unknown>): number {
    let n = 0;
    for (const [k, v] of map) n += k.length + JSON.stringify(v).length;
    return n;
  }
  async get(keys: string | string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys === null ? [...this.data.keys()] : typeof keys === 'string' ? [keys] : keys;
    return Object.fromEntries(wanted.filter((k) => this.data.has(k)).map((k) => [k, structuredClone(this.data.get(k))]));
  }
  async set(items: Record<string, unknown>): Promise<void> {
    const next = new Map(this.data);
    for (const [k, v] of Object.entries(items)) next.set(k, structuredClone(v));
    if (this.size(next) > this.quota) throw new Error('Resource::kQuotaBytes quota exceeded');
    this.data = next;
  }
  async remove(keys: string[]): Promise<void> {
    for (const k of keys) this.data.delete(k);
  }
}

const word = (simplified: string, pinyin: string, sentence = '') =>
  ({ simplified, traditional: simplified, pinyin, definition: `def of ${simplified}`, sentence, url: 'https://example.com/' });

test('saving a word twice keeps one record with the newer sentence and address', async () => {
  const area = new MemoryStorage();
  const first = await saveWord(word('银行', 'yínháng', '第一句。'), area, new Date('2026-12-01T00:00:00Z'));
  assert.ok(first.ok && first.created);
  const again = await saveWord({ ...word('银行', 'yín háng', '第二句。'), url: 'https://two.test/' }, area, new Date('2026-12-02T00:00:00Z'));
  assert.ok(again.ok && !again.created);
  const list = await listWords(area);
  assert.equal(list.length, 1);
  assert.equal(list[0]!.sentence, '第二句。');
  assert.equal(list[0]!.url, 'https://two.test/');
  assert.equal(list[0]!.pinyin, 'yínháng');
  assert.equal(list[0]!.savedAt, '2026-12-02T00:00:00.000Z');
  assert.deepEqual([...area.data.keys()], [bucketOf({ simplified: '银行', pinyin: 'yínháng' })]);
});

test('the list ignores other keys and corrupt records, newest first', async () => {
  const area = new MemoryStorage();
  await area.set({ other: [{ simplified: 'not mine' }], [`${WORD_KEY_PREFIX}00`]: 'garbage' });
  await saveWord(word('调整', 'tiáozhěng'), area, new Date('2026-12-01T00:00:00Z'));
  await saveWord(word('医院', 'yīyuàn'), area, new Date('2026-12-03T00:00:00Z'));
  const bucket = bucketOf({ simplified: '医院', pinyin: 'yīyuàn' });
  await area.set({ [bucket]: [...(area.data.get(bucket) as unknown[]), null, 7, { pinyin: 'no word' }] });
  assert.deepEqual((await listWords(area)).map((w) => w.simplified), ['医院', '调整']);
});

test('words spread over the buckets; quick saves from one page never lose each other', async () => {
  const area = new MemoryStorage();
  const results = await Promise.all(Array.from({ length: 300 }, (_, i) => saveWord(word(`词${i}`, `cí${i}`), area)));
  assert.ok(results.every((r) => r.ok && r.created));
  assert.equal((await listWords(area)).length, 300);
  const keys = [...area.data.keys()];
  assert.ok(keys.length > BUCKETS / 2 && keys.length <= BUCKETS, String(keys.length));
  assert.ok(keys.every((k) => /^wordlist:\d\d$/.test(k)));
});

test('delete returns the records, and restoring them gives the same list back', async () => {
  const area = new MemoryStorage();
  await saveWord(word('调整', 'tiáozhěng', '句。'), area);
  await saveWord(word('医院', 'yīyuàn'), area);
  const before = await listWords(area);
  const r = await deleteWords([{ simplified: '调整', pinyin: 'tiáozhěng' }, { simplified: '没有', pinyin: 'méiyǒu' }], area);
  assert.ok(r.ok);
  assert.deepEqual(r.deleted.map((w) => w.simplified), ['调整']);
  assert.deepEqual((await listWords(area)).map((w) => w.simplified), ['医院']);
  assert.deepEqual(await restoreWords(r.deleted, area), { ok: true });
  assert.deepEqual(await listWords(area), before);
});

test('import merges without duplicates', async () => {
  const area = new MemoryStorage();
  await saveWord(word('银行', 'yínháng', 'mine'), area);
  const incoming = [word('银行', 'yínháng', 'theirs'), word('医院', 'yīyuàn'), word('医院', 'yī yuàn')]
    .map((w) => ({ ...w, savedAt: '2026-01-01T00:00:00.000Z' }));
  const r = await importWords(incoming, area);
  assert.deepEqual(r, { ok: true, added: 1, updated: 0, unchanged: 2 });
  const list = await listWords(area);
  assert.deepEqual(list.map((w) => w.simplified).sort(), ['医院', '银行']);
  assert.equal(list.find((w) => w.simplified === '银行')!.sentence, 'mine');
  assert.deepEqual(await importWords(incoming, area), { ok: true, added: 0, updated: 0, unchanged: 3 });
});

test('a full storage gives "full" and writes nothing, for a save and for a whole import', async () => {
  const area = new MemoryStorage(2000);
  await area.set({ filler: 'x'.repeat(1500) });
  assert.ok((await saveWord(word('银行', 'yínháng'), area)).ok);
  const snapshot = new Map(area.data);
  const save = await saveWord(word('调整', 'tiáozhěng', '长'.repeat(400)), area);
  assert.equal(save.ok, false);
  assert.equal(!save.ok && save.reason, 'full');
  const many = Array.from({ length: 20 }, (_, i) => ({ ...word(`词${i}`, `cí${i}`), savedAt: '2026-01-01T00:00:00.000Z' }));
  const imported = await importWords(many, area);
  assert.equal(!imported.ok && imported.reason, 'full');
  assert.deepEqual(area.data, snapshot);
});

test('nothing to save is "invalid", other storage errors are "failed", never thrown', async () => {
  const area = new MemoryStorage();
  const empty = await saveWord(word(' ', 'x'), area);
  assert.equal(!empty.ok && empty.reason, 'invalid');
  const broken: WordStorage = { get: async () => ({}), set: async () => { throw new Error('disk on fire'); }, remove: async () => undefined };
  const r = await saveWord(word('银行', 'yínháng'), broken);
  assert.deepEqual(r, { ok: false, reason: 'failed', message: 'disk on fire' });
  assert.ok(isQuotaError(new DOMException('x', 'QuotaExceededError')));
  assert.ok(!isQuotaError(new Error('other')));
});

test('delete finds a word in any bucket', async () => {
  const area = new MemoryStorage();
  const stray = { ...word('银行', 'yínháng'), savedAt: '2026-01-01T00:00:00.000Z' };
  const wrong = bucketOf(stray) === 'wordlist:00' ? 'wordlist:01' : 'wordlist:00';
  await area.set({ [wrong]: [stray] });
  const r = await deleteWords([stray], area);
  assert.ok(r.ok);
  assert.deepEqual(r.deleted, [stray]);
  assert.deepEqual(await listWords(area), []);
});
