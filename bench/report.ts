/**
 * The benchmark's output: one row per figure, printed as a table, written as
 * JSON (every sample, for comparing runs) and as a short Markdown table for
 * the README.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface Figure {
  /** Figure number from the benchmark brief, with a letter for each row of it. */
  id: string;
  name: string;
  /** Our figure as shown (the value the target is checked against). */
  ours: string;
  baseline: string;
  /** ours / baseline as the row explains it; null when a ratio means nothing. */
  ratio: number | null;
  target: string;
  /** null: reported for information, no target. */
  met: boolean | null;
  /** How it was measured, in a sentence. */
  method: string;
  /** Raw numbers and samples, for the JSON. */
  data?: Record<string, unknown>;
}

export const ms = (v: number): string => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(2) : v.toFixed(0)} ms` : 'n/a');
export const kb = (bytes: number): string => (Math.abs(bytes) < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`);
export const signed = (s: string, v: number): string => (v >= 0 ? `+${s}` : s);

const metText = (m: boolean | null): string => (m === null ? 'info' : m ? 'yes' : 'NO');
const ratioText = (r: number | null): string => (r === null || !Number.isFinite(r) ? '—' : `${r < 0.1 ? r.toPrecision(2) : r.toFixed(2)}×`);

function cells(f: Figure): string[] {
  return [f.id, f.name, f.ours, f.baseline, ratioText(f.ratio), f.target, metText(f.met)];
}
const HEAD = ['#', 'figure', 'ours', 'baseline', 'ratio', 'target', 'met?'];

/** A fixed-width table for the terminal. */
export function textTable(figures: Figure[]): string {
  const rows = [HEAD, ...figures.map(cells)];
  const widths = HEAD.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]): string => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export function markdown(figures: Figure[], context: string[]): string {
  const esc = (s: string): string => s.replace(/\|/g, '\\|');
  return [
    '## Performance',
    '',
    `Measured by \`npm run bench\` on ${context[0]}. Pages:`,
    '',
    ...context.slice(1).map((c) => `- ${c}`),
    '',
    `| ${HEAD.join(' | ')} |`,
    `|${HEAD.map(() => '---').join('|')}|`,
    ...figures.map((f) => `| ${cells(f).map(esc).join(' | ')} |`),
    '',
    'How each figure is measured:',
    '',
    // Rows that only restate another row's method ("As 6a, …") are left out.
    ...figures.filter((f) => !f.method.startsWith('As ')).map((f) => `- **${f.id}** ${esc(f.method)}`),
    '',
  ].join('\n');
}

export async function writeResults(jsonPath: string, mdPath: string, json: unknown, md: string): Promise<void> {
  await mkdir(dirname(jsonPath), { recursive: true });
  await writeFile(jsonPath, JSON.stringify(json, null, 2) + '\n');
  await writeFile(mdPath, md);
}
