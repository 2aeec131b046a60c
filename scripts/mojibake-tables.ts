/**
 * Writes data/mojibake/decode-tables.json: every GBK and Big5 double-byte
 * code as browsers decode it (the WHATWG Encoding Standard's gb18030 and
 * big5 decoders), read from Chromium's own TextDecoder. The engine reads this
 * file instead of decoding 24,000 pairs with TextDecoder on every page (about
 * 30 ms of each page load), and the command line gets the browsers' tables
 * too: Node's ICU decoders differ on 101 GBK and ~6,000 Big5 codes.
 *
 * Run it again only if the Encoding Standard changes (it has not since
 * 2017): `node --import tsx scripts/mojibake-tables.ts`. e2e/mojibake-tables.spec.ts
 * checks the file against the browser it runs in.
 */
import { writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { decodeAllPairs, NO_CHAR } from './decode-pairs.ts';

const OUT = 'data/mojibake/decode-tables.json';

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  // decodeAllPairs is passed as source text: it uses nothing outside itself.
  const [gbk, big5] = await page.evaluate(
    ([source, none]) => {
      const run = new Function(`return (${source})`)() as (label: string, none: string) => string;
      return [run('gbk', none), run('big5', none)];
    },
    [decodeAllPairs.toString(), NO_CHAR] as const,
  );
  if (gbk.length !== 126 * 191 || big5.length !== 126 * 191) throw new Error('unexpected table size');
  const data = {
    about: 'GBK and Big5 double-byte codes as browsers decode them (WHATWG Encoding Standard), read from ' +
      `Chromium ${browser.version()}'s TextDecoder by scripts/mojibake-tables.ts. Character at (lead − 0x81) × 191 + (trail − 0x40); ` +
      'U+FFFD where the pair is not one BMP character.',
    gbk,
    big5,
  };
  await writeFile(OUT, JSON.stringify(data, null, 1) + '\n');
  console.log(`wrote ${OUT} (${gbk.length} codes per encoding)`);
} finally {
  await browser.close();
}
