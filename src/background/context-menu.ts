/**
 * The "Copy as" entries of the context menu on selected text (in text fields
 * too). A click asks the content script of the frame where the menu was
 * opened to copy its selection converted; the page is never changed.
 */
import browser, { type Menus, type Tabs } from 'webextension-polyfill';
import type { CopyAsMessage, CopyResult, CopyTarget } from '../shared/messages.ts';

/** Menu item id → what it copies, and its title's message key. */
export const COPY_MENU: Record<string, { as: CopyTarget; title: [string, string] }> = {
  'copy-repaired': { as: 'repaired', title: ['menuCopyRepaired', 'Copy repaired'] },
  'copy-simplified': { as: 'cn', title: ['menuCopySimplified', 'Copy as Simplified'] },
  'copy-taiwan': { as: 'tw', title: ['menuCopyTaiwan', 'Copy as Traditional (Taiwan)'] },
};

/** Creates the entries (once per install or update; the browser keeps them). */
export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  for (const [id, { title: [key, fallback] }] of Object.entries(COPY_MENU)) {
    browser.contextMenus.create({ id, title: browser.i18n.getMessage(key) || fallback, contexts: ['selection'] });
  }
}

/**
 * What a click on one of our entries does (the browser's onClicked calls it;
 * tests call it from the service worker with the same arguments). Resolves to
 * the content script's answer, or undefined when the frame has no content
 * script that could answer (a page without Chinese text, a browser page).
 */
export async function onMenuClick(info: Pick<Menus.OnClickData, 'menuItemId' | 'selectionText' | 'frameId'>, tab: Pick<Tabs.Tab, 'id'> | undefined): Promise<CopyResult | undefined> {
  const entry = COPY_MENU[String(info.menuItemId)];
  if (!entry || tab?.id === undefined) return undefined;
  const message: CopyAsMessage = { type: 'copy-as', as: entry.as, selectionText: info.selectionText };
  try {
    return (await browser.tabs.sendMessage(tab.id, message, { frameId: info.frameId ?? 0 })) as CopyResult | undefined;
  } catch {
    return undefined;
  }
}
