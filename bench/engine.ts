/**
 * Engine figures, in Node: fix() on a million characters of damaged text
 * against plain opencc-js on the same text already cleaned. The runs of the
 * measured functions are interleaved (A B C D, A B C D, …) so that machine
 * drift hits them all alike; medians after a warm-up.
 */
import { Converter } from 'opencc-js/t2cn';
import { fix, fixText } from '../src/core/fix.ts';
import { converter } from '../src/core/opencc/index.ts';
import { repair } from '../src/core/repair.ts';
import { ms, type Figure } from './report.ts';
import { median } from './stats.ts';

export interface EngineFigures {
  chars: number;
  runs: number;
  /** Median milliseconds per job. */
  ms: { fixCn: number; fixTextCn: number; fixKeep: number; repair: number; oursTwCn: number; openccTwCn: number };
}

export async function benchEngine(text: string, runs = 5): Promise<EngineFigures> {
  const cleaned = repair(text).text;
  const opencc = Converter({ from: 'tw', to: 'cn' });
  const ours = await converter('tw2cn');
  const jobs: Record<keyof EngineFigures['ms'], () => unknown> = {
    fixCn: () => fix(text, { to: 'cn' }),
    fixTextCn: () => fixText(text, { to: 'cn' }),
    fixKeep: () => fix(text, { to: 'keep' }),
    repair: () => repair(text),
    // Our OpenCC pipeline on the same cleaned text (src/core/opencc: same output, compact tables).
    oursTwCn: () => ours(cleaned),
    // The baseline: what converting alone costs, on text with the damage already removed.
    openccTwCn: () => opencc(cleaned),
  };
  const times = Object.fromEntries(Object.keys(jobs).map((k) => [k, [] as number[]])) as Record<keyof typeof jobs, number[]>;
  // One warm-up round: JIT, fix()'s lazily built converter, pinyin tables.
  for (const job of Object.values(jobs)) await job();
  for (let r = 0; r < runs; r++) {
    for (const [name, job] of Object.entries(jobs) as [keyof typeof jobs, () => unknown][]) {
      const t = performance.now();
      await job();
      times[name].push(performance.now() - t);
    }
  }
  const ms = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])) as EngineFigures['ms'];
  return { chars: text.length, runs, ms };
}

/** Figure 1: throughput in characters per millisecond; ratios are time over the plain conversion's time. */
export function engineFigures(e: EngineFigures): Figure[] {
  const rate = (t: number): string => `${Math.round(e.chars / t).toLocaleString('en-US')} chars/ms (${ms(t)})`;
  const base = rate(e.ms.openccTwCn);
  const about = `${e.chars.toLocaleString('en-US')} characters of mirror-damaged text, median of ${e.runs} interleaved runs after a warm-up.`;
  const row = (id: string, name: string, t: number, target: string, met: boolean | null, method: string): Figure => ({
    id, name, ours: rate(t), baseline: base, ratio: t / e.ms.openccTwCn, target, met, method: `${method} ${about}`, data: { ms: t },
  });
  return [
    row('1a', "Engine: fix(text, {to:'cn'})", e.ms.fixCn, '≤ 1.3× time', e.ms.fixCn <= 1.3 * e.ms.openccTwCn,
      "fix() in Node on one string, against opencc-js Converter({from:'tw', to:'cn'}) (opencc-js/t2cn) on repair(text).text."),
    row('1b', 'Engine: repair(text) alone', e.ms.repair, '—', null, 'repair() alone (analysis, inline pinyin, stray commas).'),
    row('1c', "Engine: fix(text, {to:'keep'})", e.ms.fixKeep, '—', null, 'fix() without script conversion.'),
    row('1e', "Engine: fixText(text, {to:'cn'}) (no edit list)", e.ms.fixTextCn, '—', null,
      'fixText(): the same text as fix() without the list of changes (what the command line runs without --explain or --stats).'),
    row('1d', 'Engine: our tw→cn conversion alone', e.ms.oursTwCn, '—', null, "src/core/opencc converter('tw2cn') (what fix() converts with: OpenCC's tw→cn with our phrase table ahead of it) on repair(text).text."),
  ];
}
