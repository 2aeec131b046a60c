import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SETTINGS, diffFromDefaults, effectiveChoice, migrate, parseSettings, SETTINGS_VERSION } from './settings.ts';

test('nothing stored gives the defaults', () => {
  assert.deepEqual(parseSettings({}), DEFAULT_SETTINGS);
  assert.deepEqual(parseSettings(undefined), DEFAULT_SETTINGS);
});

test('corrupt stored values fall back key by key; valid ones are kept', () => {
  const s = parseSettings({ enabled: 'yes', repair: false, script: 'klingon', sites: { 'example.com': 'off', 'bad host!': 'cn', 'x.org': 'nope' }, pinyin: 'ruby', toneStyle: 7 });
  assert.equal(s.enabled, true);
  assert.equal(s.repair, false);
  assert.equal(s.script, 'auto');
  assert.deepEqual(s.sites, { 'example.com': 'off' });
  assert.equal(s.pinyin, 'ruby');
  assert.equal(s.toneStyle, 'mark');
});

test('non-object stored data (array, string, null, number) gives the defaults without throwing', () => {
  for (const raw of [[], 'settings', null, 42, true]) assert.deepEqual(parseSettings(raw), DEFAULT_SETTINGS);
});

test('a sites map that is an array or has non-string choices is ignored entry by entry', () => {
  assert.deepEqual(parseSettings({ sites: ['a.com'] }).sites, {});
  assert.deepEqual(parseSettings({ sites: { 'a.com': 1, 'b.com': 'tw' } }).sites, { 'b.com': 'tw' });
});

test('an oversized sites map is cut at the limit rather than loaded whole', () => {
  const sites: Record<string, string> = {};
  for (let i = 0; i < 6000; i++) sites[`s${i}.example.com`] = 'off';
  assert.equal(Object.keys(parseSettings({ sites }).sites).length, 5000);
});

test('a future version is read as it is: known keys used, unknown keys ignored', () => {
  const s = parseSettings({ settingsVersion: SETTINGS_VERSION + 5, script: 'hk', newThing: { a: 1 } });
  assert.equal(s.script, 'hk');
  assert.ok(!('newThing' in s));
});

test('migration from version 1: target → script, siteList → sites', () => {
  const raw = { settingsVersion: 1, target: 'tw', siteList: ['a.com=off', 'b.com=cn', 7, 'broken'] };
  assert.deepEqual(migrate(raw), { settingsVersion: 1, script: 'tw', sites: { 'a.com': 'off', 'b.com': 'cn' } });
  const s = parseSettings(raw);
  assert.equal(s.script, 'tw');
  assert.deepEqual(s.sites, { 'a.com': 'off', 'b.com': 'cn' });
});

test('only what differs from the defaults is written', () => {
  assert.deepEqual(diffFromDefaults({ ...DEFAULT_SETTINGS }), {
    set: { settingsVersion: SETTINGS_VERSION },
    remove: Object.keys(DEFAULT_SETTINGS),
  });
  const d = diffFromDefaults({ ...DEFAULT_SETTINGS, script: 'cn', sites: { 'a.com': 'off' } });
  assert.deepEqual(d.set, { settingsVersion: SETTINGS_VERSION, script: 'cn', sites: { 'a.com': 'off' } });
  assert.ok(d.remove.includes('enabled') && !d.remove.includes('script'));
});

test('effective choice: off when disabled, the site override first, then the script', () => {
  assert.equal(effectiveChoice({ ...DEFAULT_SETTINGS, enabled: false }, 'a.com'), 'off');
  assert.equal(effectiveChoice({ ...DEFAULT_SETTINGS, sites: { 'a.com': 'hk' } }, 'a.com'), 'hk');
  assert.equal(effectiveChoice({ ...DEFAULT_SETTINGS, script: 'tw' }, 'b.com'), 'tw');
});

test('reading-comfort settings: valid values kept, anything else defaulted', () => {
  const s = parseSettings({ popoverTrigger: 'modifier', rubySize: 80, rubyPosition: 'under', rubyScope: 'all' });
  assert.deepEqual([s.popoverTrigger, s.rubySize, s.rubyPosition, s.rubyScope], ['modifier', 80, 'under', 'all']);
  const bad = parseSettings({ popoverTrigger: 'always', rubySize: 65, rubyPosition: 'left', rubyScope: 'page' });
  assert.deepEqual([bad.popoverTrigger, bad.rubySize, bad.rubyPosition, bad.rubyScope], ['rest', 60, 'over', 'article']);
  assert.equal(parseSettings({ rubySize: '80' }).rubySize, 60, 'a number stored as a string is not trusted');
});

test('reading-comfort settings: only a changed value is stored, and a setting set back to its default is removed', () => {
  const d = diffFromDefaults({ ...DEFAULT_SETTINGS, popoverTrigger: 'modifier', rubySize: 70 });
  assert.deepEqual(d.set, { settingsVersion: SETTINGS_VERSION, popoverTrigger: 'modifier', rubySize: 70 });
  for (const key of ['rubyPosition', 'rubyScope']) assert.ok(d.remove.includes(key));
  assert.ok(diffFromDefaults({ ...DEFAULT_SETTINGS }).remove.includes('popoverTrigger'));
});

test('settings stored by an older build (no reading-comfort keys, version 1 or 2) read with the new defaults', () => {
  for (const raw of [{ settingsVersion: 1, target: 'cn' }, { settingsVersion: 2, pinyin: 'ruby' }]) {
    const s = parseSettings(raw);
    assert.deepEqual([s.popoverTrigger, s.rubySize, s.rubyPosition, s.rubyScope], ['rest', 60, 'over', 'article']);
  }
});
