import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as cn2tPreset from 'opencc-js/preset/cn2t';
import * as t2cnPreset from 'opencc-js/preset/t2cn';
import { DICT_NAMES, PIPELINES, type DictGroup, type DictName, type PipelineSpec } from './pipelines.ts';
import { readDict } from './table-source.ts';

type Preset = { from: Record<string, string[][]>; to: Record<string, string[][]>; configs?: Record<string, { normalizationChain?: string[][]; segmentation?: string[]; conversionChain: string[][] }> };

/** What opencc-js 1.4's Converter({from, to}) does with a preset, in dictionary names. */
async function specFromPreset(preset: Preset, config: string, to: string): Promise<PipelineSpec> {
  const byContent = new Map<string, DictName>();
  for (const n of DICT_NAMES) byContent.set(await readDict(n), n);
  const name = (d: string): DictName => {
    const n = byContent.get(d);
    assert.ok(n, 'the preset uses a dictionary pipelines.ts does not list');
    return n;
  };
  const group = (g: string[]): DictGroup => g.map(name);
  const c = preset.configs?.[config];
  if (c) return { normalize: (c.normalizationChain ?? []).map(group), ...(c.segmentation ? { segmentation: group(c.segmentation) } : {}), chain: c.conversionChain.map(group) };
  // No config: from 't' adds nothing, and the target's groups run in order.
  return { normalize: [], chain: preset.to[to]!.map(group) };
}

test("pipelines.ts matches opencc-js's presets for every conversion we use", async () => {
  const cn2t = cn2tPreset as unknown as Preset;
  const t2cn = t2cnPreset as unknown as Preset;
  assert.deepEqual(await specFromPreset(t2cn, 'tw2s', 'cn'), PIPELINES.tw2s);
  for (const to of ['tw', 'twp', 'hk'] as const) {
    assert.deepEqual(await specFromPreset(cn2t, `s2${to}`, to), PIPELINES[`s2${to}`]);
    assert.deepEqual(await specFromPreset(cn2t, `t2${to}`, to), PIPELINES[`t2${to}`]);
  }
});

test('the extension ships the tables of every conversion convert.ts asks for (ENGINE_CONVERSIONS)', async () => {
  const { ENGINE_CONVERSIONS } = await import('./pipelines.ts');
  const asked = ['tw2cn', ...(['tw', 'twp', 'hk'] as const).flatMap((t) => [`s2${t}`, `t2${t}`])];
  assert.deepEqual([...ENGINE_CONVERSIONS].sort(), asked.sort());
  const source = (await import('node:fs')).readFileSync(new URL('../convert.ts', import.meta.url), 'utf8');
  assert.deepEqual([...source.matchAll(/converter\(([^)]*)\)/g)].map((m) => m[1]), ["'tw2cn'", '`s2${target}`', '`t2${target}`']);
});
