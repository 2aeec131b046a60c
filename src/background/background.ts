/**
 * The background: keeps the toolbar badge (repairs on the tab, every frame
 * counted), turns the keyboard command into a message to the tab, and runs
 * the "Copy as" context menu. It holds no page data.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { isGetTabStateMessage, isToBackgroundMessage, type GetStateMessage, type PageState, type ToContentMessage } from '../shared/messages.ts';
import { createMenus, onMenuClick } from './context-menu.ts';
import { FrameReports, type SessionStore } from './frame-reports.ts';
import { mergeFrameStates } from './tab-state.ts';
import { serveDictionary } from './dictionary-service.ts';

serveDictionary();

const reports = new FrameReports((browser.storage as unknown as { session?: SessionStore }).session);

function setBadge(tabId: number, total: number): void {
  void browser.action.setBadgeText({ tabId, text: total > 0 ? (total > 9999 ? '9999+' : String(total)) : '' });
  void browser.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' });
}

/**
 * The state of every frame of a tab that reported (and of the top frame), added
 * up. A frame that no longer answers is forgotten, and the badge follows.
 */
async function tabState(tabId: number): Promise<(PageState & { frames: number }) | undefined> {
  const ask: GetStateMessage = { type: 'get-state' };
  const ids = new Set([0, ...(await reports.frames(tabId))]);
  const states = new Map<number, PageState>();
  await Promise.all([...ids].map(async (frameId) => {
    const s = (await browser.tabs.sendMessage(tabId, ask, { frameId }).catch(() => undefined)) as PageState | undefined;
    if (s) states.set(frameId, s);
    else setBadge(tabId, await reports.forgetFrame(tabId, frameId));
  }));
  return mergeFrameStates(states);
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  // The popup asks for the whole tab: answered to our own pages only, never to a content script.
  if (isGetTabStateMessage(message)) return sender.url?.startsWith(browser.runtime.getURL('')) ? tabState(message.tabId) : undefined;
  if (!isToBackgroundMessage(message)) return undefined;
  const tabId = sender.tab?.id;
  if (tabId === undefined) return undefined;
  // Every frame reports its own repairs: the badge shows the tab's sum.
  void reports.report(tabId, sender.frameId ?? 0, message.repairs).then((total) => setBadge(tabId, total));
  return undefined;
});

browser.tabs.onRemoved.addListener((tabId) => void reports.forgetTab(tabId));
browser.tabs.onUpdated.addListener((tabId, info) => {
  if (info.status === 'loading') void reports.forgetTab(tabId);
});

const COMMANDS: Record<string, ToContentMessage> = {
  'toggle-original': { type: 'toggle-original' },
  'lookup-selection': { type: 'lookup-selection' },
  'toggle-popovers': { type: 'toggle-popovers' },
};

browser.commands.onCommand.addListener(async (command) => {
  const message = COMMANDS[command];
  if (!message) return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  // Tabs without our content script (no Chinese, browser pages) have no receiver.
  await browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
});

browser.runtime.onInstalled.addListener(() => void createMenus());
browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(info, tab));
// The click handler, reachable from the service worker's console and from tests
// (worker.evaluate), which cannot click a browser menu.
(globalThis as { zhengwen?: object }).zhengwen = { onMenuClick };
