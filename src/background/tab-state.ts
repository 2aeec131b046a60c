/**
 * What the popup shows for a tab: the states of all its frames (the page and
 * its iframes, each with its own content script) added up into one.
 */
import type { ChangeSummary, PageState } from '../shared/messages.ts';

/** Examples kept per kind of change, across frames (as one frame keeps). */
const MAX_EXAMPLES = 8;

/**
 * One state for the tab from its frames' states (frame id → state). The top
 * frame (id 0) gives the host, verdict, target and switches when it has a
 * state; counts, lost characters and changes are summed over all frames, and
 * each example says which frame it is in.
 */
export function mergeFrameStates(states: ReadonlyMap<number, PageState>): (PageState & { frames: number }) | undefined {
  if (states.size === 0) return undefined;
  const ordered = [...states].sort(([a], [b]) => a - b);
  const [, top] = ordered.find(([id]) => id === 0) ?? ordered[0]!;
  const counts = { pinyin: 0, punctuation: 0, mojibake: 0, converted: 0 };
  let lost = 0;
  const changes = new Map<string, ChangeSummary>();
  for (const [frameId, s] of ordered) {
    counts.pinyin += s.counts.pinyin;
    counts.punctuation += s.counts.punctuation;
    counts.mojibake += s.counts.mojibake;
    counts.converted += s.counts.converted;
    lost += s.lost;
    for (const c of s.changes) {
      let m = changes.get(c.kind);
      if (!m) changes.set(c.kind, (m = { kind: c.kind, count: 0, examples: [] }));
      m.count += c.count;
      for (const e of c.examples) if (m.examples.length < MAX_EXAMPLES) m.examples.push({ ...e, frameId });
    }
  }
  const active = ordered.some(([, s]) => s.active);
  return {
    ...top,
    ready: ordered.every(([, s]) => s.ready),
    active,
    verdict: top.verdict || (ordered.find(([, s]) => s.verdict)?.[1].verdict ?? ''),
    counts, lost, changes: [...changes.values()], frames: states.size,
  };
}
