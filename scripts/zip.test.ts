import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readZip, writeZip, type ZipEntry } from './zip.ts';

const text = (s: string) => new TextEncoder().encode(s);
const entries: ZipEntry[] = [
  { name: 'manifest.json', data: text('{"name":"正文"}\n'.repeat(50)) }, // compressible: deflated
  { name: 'icons/icon-16.png', data: Uint8Array.from({ length: 300 }, (_, i) => (i * 2654435761) >>> 24) }, // noise: stored
  { name: '_locales/zh_CN/消息.json', data: text('') },
];

test('what writeZip writes, readZip reads back byte for byte', () => {
  const files = readZip(writeZip(entries));
  assert.deepEqual([...files.keys()], entries.map((e) => e.name));
  for (const e of entries) assert.deepEqual(new Uint8Array(files.get(e.name)!), e.data);
});

test('the same files give the same archive (no clock in it)', () => {
  assert.ok(writeZip(entries).equals(writeZip(entries.map((e) => ({ ...e, data: e.data.slice() })))));
});

test('names that would escape the folder, or come twice, are refused', () => {
  for (const name of ['', '/etc/passwd', '../x', 'a/../../x', 'a\\b']) {
    assert.throws(() => writeZip([{ name, data: text('x') }]), /bad entry name/);
  }
  assert.throws(() => writeZip([entries[0]!, entries[0]!]), /given twice/);
});

test('a damaged archive is reported, not read wrong', () => {
  const zip = writeZip([{ name: 'a.txt', data: text('stored text') }]);
  const damaged = Buffer.from(zip);
  const body = 30 + 'a.txt'.length; // first byte of the stored body
  damaged[body] = damaged[body]! ^ 1;
  assert.throws(() => readZip(damaged), /fails its CRC check/);
  assert.throws(() => readZip(text('not a zip')), /no end of central directory/);
});

test('the unzip command accepts the archive', { skip: existsSync('/usr/bin/unzip') ? false : '/usr/bin/unzip is not installed' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhengwen-zip-'));
  try {
    writeFileSync(join(dir, 'a.zip'), writeZip(entries));
    const out = execFileSync('/usr/bin/unzip', ['-t', join(dir, 'a.zip')], { encoding: 'utf8' });
    assert.match(out, /No errors detected/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
