import type { DictTable } from './dict-table.ts';
import { runPipeline, type Pipeline } from './pipeline.ts';
import { groupName, PIPELINES, segmentationTable, type ConversionId, type DictGroup } from './pipelines.ts';
import { loadTable } from './table-source.ts';

const tables = new Map<string, Promise<DictTable>>();
const converters = new Map<ConversionId, Promise<(text: string) => string>>();

function table(group: DictGroup): Promise<DictTable> {
  const name = groupName(group);
  let t = tables.get(name);
  if (!t) {
    t = loadTable(group);
    // A failed load (a missing file) is retried next time rather than cached.
    t.catch(() => tables.delete(name));
    tables.set(name, t);
  }
  return t;
}

/** The converter for one conversion, built on first use; tables are shared between conversions. */
export function converter(id: ConversionId): Promise<(text: string) => string> {
  let c = converters.get(id);
  if (!c) {
    const spec = PIPELINES[id];
    const seg = segmentationTable(spec);
    c = (async () => {
      const [normalize, segmentation, chain] = await Promise.all([
        Promise.all(spec.normalize.map(table)),
        seg ? table(seg.group) : undefined,
        Promise.all(spec.chain.map(table)),
      ]);
      const p: Pipeline = { normalize, segmentation: segmentation && seg ? { table: segmentation, dicts: seg.dicts } : undefined, chain };
      return (text: string) => runPipeline(p, text);
    })();
    c.catch(() => converters.delete(id));
    converters.set(id, c);
  }
  return c;
}

export type { ConversionId } from './pipelines.ts';
