/**
 * The background: keeps the toolbar badge (repairs on the tab) and turns the
 * keyboard command into a message to the tab. It holds no page data.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { isToBackgroundMessage, type ToContentMessage } from '../shared/messages.ts';
import { serveDictionary } from './dictionary-service.ts';

serveDictionary();

// Repairs per frame per tab. Service workers are stopped when idle and lose
// this; the badge itself persists, and the next report from a frame corrects it.
const repairs = new Map<number, Map<number, number>>();

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (!isToBackgroundMessage(message)) return undefined;
  const tabId = sender.tab?.id;
  if (tabId === undefined) return undefined;
  let frames = repairs.get(tabId);
  if (!frames) repairs.set(tabId, (frames = new Map()));
  frames.set(sender.frameId ?? 0, message.repairs);
  let total = 0;
  for (const n of frames.values()) total += n;
  void browser.action.setBadgeText({ tabId, text: total > 0 ? (total > 9999 ? '9999+' : String(total)) : '' });
  void browser.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' });
  return undefined;
});

browser.tabs.onRemoved.addListener((tabId) => repairs.delete(tabId));
browser.tabs.onUpdated.addListener((tabId, info) => {
  if (info.status === 'loading') repairs.delete(tabId);
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
