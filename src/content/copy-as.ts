/**
 * "Copy as" (context menu): the selection, converted, onto the clipboard.
 * Nothing on the page changes: the text is read from the selection (or from
 * the selected part of a text field's value) and written to the clipboard only.
 */
import type { CopyResult } from '../shared/messages.ts';

/** Text fields whose selected part is in their value, not in the document's selection. */
const TEXT_INPUT_TYPES = new Set(['text', 'search', 'url', 'tel', '']);

/**
 * The selected text: inside the focused text field (through open shadow
 * roots, where focus is retargeted to the host), else the document's selection.
 */
export function selectedText(doc: Document): string {
  let el: Element | null = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  const field = el as (HTMLInputElement | HTMLTextAreaElement) | null;
  if (field && (field.tagName === 'TEXTAREA' || (field.tagName === 'INPUT' && TEXT_INPUT_TYPES.has((field as HTMLInputElement).type)))) {
    const { selectionStart: a, selectionEnd: b } = field;
    if (a !== null && b !== null && b > a) return field.value.slice(a, b);
  }
  return doc.getSelection()?.toString() ?? '';
}

/**
 * Puts text on the clipboard: the asynchronous Clipboard API first (a page's
 * copy handlers cannot see or change it); where that is refused, the copy
 * command, with our text set in its copy event (no element is added to the
 * page and its selection is left as it is).
 */
export async function writeClipboard(doc: Document, text: string): Promise<Pick<CopyResult, 'copied' | 'via' | 'error'>> {
  let error = '';
  try {
    await doc.defaultView!.navigator.clipboard.writeText(text);
    return { copied: true, via: 'clipboard-api' };
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  let set = false;
  const onCopy = (e: ClipboardEvent): void => {
    if (!e.clipboardData) return;
    e.clipboardData.setData('text/plain', text);
    e.preventDefault();
    set = true;
  };
  // Capture on the window: ours runs after any capture listener the page added before, and
  // whatever they set, ours is set last.
  doc.defaultView!.addEventListener('copy', onCopy, true);
  try {
    const ran = doc.execCommand('copy');
    if (ran && set) return { copied: true, via: 'copy-command', error: `clipboard API refused: ${error}` };
    error += `; copy command ${ran ? 'ran without its event' : 'refused'}`;
  } finally {
    doc.defaultView!.removeEventListener('copy', onCopy, true);
  }
  return { copied: false, via: 'none', error };
}

/** Copies the selection (or `fallback`, what the browser saw selected) converted by `convert`. */
export async function copyAs(doc: Document, fallback: string | undefined, convert: (text: string) => Promise<string>): Promise<CopyResult> {
  const selected = selectedText(doc) || fallback || '';
  if (!selected) return { copied: false, text: '', via: 'none', error: 'nothing is selected' };
  const text = await convert(selected);
  return { ...(await writeClipboard(doc, text)), text };
}
