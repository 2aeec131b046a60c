import assert from 'node:assert/strict';
import { test } from 'node:test';
import { annotate, mirrorConvert } from './mirror-damage.ts';

const TEXT = mirrorConvert('会议指出，要推动经济高质量发展，加快项目建设。会议要求，各区县要强化经济运行监测，确保项目早开工、早投产。经济发展、项目建设和区县协调发展是会议的重点。');
const ANNOTATION = /\((?:[^()]+)\)/g;

test('occurrenceShare 1 (or none) annotates every occurrence of a table character, as before the option existed', () => {
  const all = annotate(TEXT, { seed: 3, tableShare: 1, commaRate: 0 });
  assert.equal(annotate(TEXT, { seed: 3, tableShare: 1, commaRate: 0, occurrenceShare: 1 }), all);
  // Every Traditional-only character is annotated at every occurrence: 經 three times.
  assert.equal(all.match(/經\(jīng\)/g)?.length, (TEXT.match(/經/g) ?? []).length);
});

test('occurrenceShare annotates about that share of the occurrences, each with the table reading', () => {
  const full = annotate(TEXT, { seed: 5, tableShare: 1, commaRate: 0 }).match(ANNOTATION)!.length;
  let half = 0;
  for (let seed = 1; seed <= 40; seed++) {
    const out = annotate(TEXT, { seed, tableShare: 1, commaRate: 0, occurrenceShare: 0.5 });
    half += out.match(ANNOTATION)?.length ?? 0;
    // Removing the annotations gives the text back: only annotations were added.
    assert.equal(out.replace(ANNOTATION, ''), TEXT);
  }
  const share = half / (40 * full);
  assert.ok(share > 0.4 && share < 0.6, `share ${share}`);
});
