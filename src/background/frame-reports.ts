/**
 * Repairs reported by each frame of each tab, for the badge (the sum over a
 * tab's frames) and for the popup (which frames to ask). Kept in
 * storage.session as well: a service worker is stopped when idle and would
 * otherwise forget the frames that reported before.
 */

/** The part of storage.session used here. */
export interface SessionStore {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const KEY = 'frameReports';

export class FrameReports {
  private readonly tabs = new Map<number, Map<number, number>>();
  private readonly loaded: Promise<void>;

  constructor(private readonly store: SessionStore | undefined) {
    this.loaded = this.load();
  }

  /** Records a frame's repairs; resolves to the tab's total. */
  async report(tabId: number, frameId: number, repairs: number): Promise<number> {
    await this.loaded;
    let frames = this.tabs.get(tabId);
    if (!frames) this.tabs.set(tabId, (frames = new Map()));
    frames.set(frameId, repairs);
    this.save();
    return this.total(tabId);
  }

  /** The frames of a tab that reported, the top one first. */
  async frames(tabId: number): Promise<number[]> {
    await this.loaded;
    return [...(this.tabs.get(tabId)?.keys() ?? [])].sort((a, b) => a - b);
  }

  /** Forgets a frame that no longer answers (removed, or navigated away); resolves to the tab's new total. */
  async forgetFrame(tabId: number, frameId: number): Promise<number> {
    await this.loaded;
    if (this.tabs.get(tabId)?.delete(frameId)) this.save();
    return this.total(tabId);
  }

  /** Forgets a tab (closed, or loading a new page). */
  async forgetTab(tabId: number): Promise<void> {
    await this.loaded;
    if (this.tabs.delete(tabId)) this.save();
  }

  private total(tabId: number): number {
    let total = 0;
    for (const n of this.tabs.get(tabId)?.values() ?? []) total += n;
    return total;
  }

  private async load(): Promise<void> {
    try {
      const saved = (await this.store?.get(KEY))?.[KEY];
      if (!saved || typeof saved !== 'object') return;
      for (const [tab, frames] of Object.entries(saved as Record<string, Record<string, unknown>>)) {
        const m = new Map<number, number>();
        for (const [frame, n] of Object.entries(frames ?? {})) if (typeof n === 'number') m.set(Number(frame), n);
        // Reports that arrived while loading are newer than what was saved.
        const now = this.tabs.get(Number(tab));
        for (const [f, n] of now ?? []) m.set(f, n);
        this.tabs.set(Number(tab), m);
      }
    } catch {
      // No session storage (or it failed): counts start from the next reports.
    }
  }

  private save(): void {
    const out: Record<string, Record<string, number>> = {};
    for (const [tab, frames] of this.tabs) out[tab] = Object.fromEntries(frames);
    this.store?.set({ [KEY]: out }).catch(() => undefined);
  }
}
