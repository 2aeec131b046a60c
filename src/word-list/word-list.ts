/**
 * The word-list page: lists the saved words, searches them, deletes them
 * (the last delete can be undone), exports TSV for Anki and CSV, and imports
 * either (merged without duplicates). Built with DOM APIs and textContent
 * only: saved sentences and imported files are text from elsewhere.
 */
import { matchesSearch, parseWords, wordsToCsv, wordsToTsv, type SavedWord } from '../shared/word-list-data.ts';
import { deleteWords, importWords, listWords, restoreWords, WORD_KEY_PREFIX, type WordListFailure } from '../shared/word-list.ts';

interface PageApi {
  i18n: { getMessage(key: string, substitutions?: string[]): string; getUILanguage(): string };
  storage: { onChanged: { addListener(listener: (changes: Record<string, unknown>, area: string) => void): void } };
}

/** Firefox's `browser`, else Chrome's `chrome` (no polyfill needed for these calls). */
const api = (): PageApi => (globalThis as { browser?: PageApi }).browser ?? (globalThis as unknown as { chrome: PageApi }).chrome;

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/** A UI string in the browser's language, English when missing. */
function t(key: string, fallback: string, substitutions?: string[]): string {
  return api().i18n.getMessage(key, substitutions) || fallback;
}

function localize(): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n!, el.textContent ?? '');
  for (const el of document.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder!, el.placeholder);
  document.documentElement.lang = api().i18n.getUILanguage();
}

let words: SavedWord[] = [];
const selected = new Set<string>();
/** The records of the last delete, for Undo. */
let lastDeleted: SavedWord[] = [];

const idOf = (w: SavedWord): string => w.simplified + '\u001f' + w.pinyin;

/** Shows a message; errors are styled and stay until the next message. */
function say(message: string, options: { error?: boolean; undo?: boolean } = {}): void {
  $('status').textContent = message;
  $('status-bar').classList.toggle('error', options.error === true);
  $('undo').hidden = !options.undo;
}

function sayFailure(f: WordListFailure): void {
  if (f.reason === 'full') say(t('wordListFull', 'The word list is full: the browser has no more room for Zhengwen. Nothing was saved. Export and delete some words, then try again.'), { error: true });
  else say(t('wordListFailed', `Could not save: ${f.message}`, [f.message]), { error: true });
}

/** A link to the page a word came from, only for web addresses (an imported file could hold javascript: URLs). */
function sourceLink(url: string): HTMLAnchorElement | undefined {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    const a = document.createElement('a');
    a.href = u.href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.textContent = u.hostname;
    a.title = u.href;
    return a;
  } catch {
    return undefined;
  }
}

function cell(className: string, ...children: (Node | string)[]): HTMLTableCellElement {
  const td = document.createElement('td');
  td.className = className;
  td.append(...children);
  return td;
}

function row(w: SavedWord): HTMLTableRowElement {
  const tr = document.createElement('tr');
  tr.dataset.simplified = w.simplified;
  const pick = document.createElement('input');
  pick.type = 'checkbox';
  pick.checked = selected.has(idOf(w));
  pick.setAttribute('aria-label', w.simplified);
  pick.addEventListener('change', () => {
    if (pick.checked) selected.add(idOf(w));
    else selected.delete(idOf(w));
    updateSelection();
  });
  const word = document.createElement('span');
  word.lang = 'zh-CN';
  word.textContent = w.simplified;
  const word2: Node[] = [word];
  if (w.traditional && w.traditional !== w.simplified) {
    const trad = document.createElement('span');
    trad.className = 'trad';
    trad.lang = 'zh-TW';
    trad.textContent = w.traditional;
    word2.push(trad);
  }
  const sentence = document.createElement('span');
  sentence.lang = 'zh';
  sentence.textContent = w.sentence;
  const link = sourceLink(w.url);
  const date = new Date(w.savedAt);
  const del = document.createElement('button');
  del.type = 'button';
  del.className = 'delete';
  del.textContent = t('wordListDelete', 'Delete');
  del.setAttribute('aria-label', `${t('wordListDelete', 'Delete')} ${w.simplified}`);
  del.addEventListener('click', () => void remove([w]));
  tr.append(
    cell('pick', pick),
    cell('word', ...word2),
    cell('pinyin', w.pinyin),
    cell('definition', w.definition),
    cell('sentence', sentence, ...(link ? [link] : [])),
    cell('saved', Number.isNaN(date.getTime()) ? '' : date.toLocaleDateString(api().i18n.getUILanguage())),
    cell('actions', del),
  );
  return tr;
}

function shown(): SavedWord[] {
  const query = $<HTMLInputElement>('search').value;
  return words.filter((w) => matchesSearch(w, query));
}

function render(): void {
  const visible = shown();
  $('word-rows').replaceChildren(...visible.map(row));
  $('empty').hidden = words.length > 0;
  $('words').hidden = words.length === 0;
  $('count').textContent = words.length === 0 ? '' : t('wordListCount', `${visible.length} of ${words.length} words`, [String(visible.length), String(words.length)]);
  updateSelection();
}

function updateSelection(): void {
  const ids = new Set(words.map(idOf));
  for (const id of selected) if (!ids.has(id)) selected.delete(id);
  $<HTMLButtonElement>('delete-selected').disabled = selected.size === 0;
  const visible = shown();
  const all = $<HTMLInputElement>('select-all');
  all.checked = visible.length > 0 && visible.every((w) => selected.has(idOf(w)));
}

async function reload(): Promise<void> {
  words = await listWords();
  render();
}

async function remove(list: SavedWord[]): Promise<void> {
  const r = await deleteWords(list);
  if (!r.ok) return sayFailure(r);
  lastDeleted = r.deleted;
  for (const w of list) selected.delete(idOf(w));
  await reload();
  say(t('wordListDeleted', `Words deleted: ${r.deleted.length}.`, [String(r.deleted.length)]), { undo: r.deleted.length > 0 });
  if (r.deleted.length) $('undo').focus();
}

async function undo(): Promise<void> {
  const r = await restoreWords(lastDeleted);
  if (!r.ok) return sayFailure(r);
  lastDeleted = [];
  await reload();
  say(t('wordListRestored', 'The deleted words are back.'));
}

function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the URL; keep it a moment for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const today = (): string => new Date().toISOString().slice(0, 10);

async function importFile(file: File): Promise<void> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return say(t('wordListNotUtf8', 'This file is not UTF-8 text: nothing was imported.'), { error: true });
  }
  const parsed = parseWords(text);
  if (parsed.words.length === 0) {
    return say(t('wordListBadFile', 'No words found in this file: expected TSV or CSV with the Simplified words in a column named "simplified" or in the first column.'), { error: true });
  }
  const r = await importWords(parsed.words);
  if (!r.ok) return sayFailure(r);
  await reload();
  let message = t('wordListImported', `Imported: ${r.added} new, ${r.updated} completed, ${r.unchanged} already in the list.`, [String(r.added), String(r.updated), String(r.unchanged)]);
  if (parsed.skipped) message += ' ' + t('wordListSkipped', `Lines without a word, skipped: ${parsed.skipped}.`, [String(parsed.skipped)]);
  say(message);
}

async function main(): Promise<void> {
  localize();
  $('search').addEventListener('input', render);
  $('select-all').addEventListener('change', () => {
    const on = $<HTMLInputElement>('select-all').checked;
    for (const w of shown()) {
      if (on) selected.add(idOf(w));
      else selected.delete(idOf(w));
    }
    render();
  });
  $('delete-selected').addEventListener('click', () => void remove(words.filter((w) => selected.has(idOf(w)))));
  $('undo').addEventListener('click', () => void undo());
  $('export-tsv').addEventListener('click', () => download(wordsToTsv(words), `zhengwen-words-${today()}.tsv`, 'text/tab-separated-values;charset=utf-8'));
  $('export-csv').addEventListener('click', () => download(wordsToCsv(words), `zhengwen-words-${today()}.csv`, 'text/csv;charset=utf-8'));
  const input = $<HTMLInputElement>('import');
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) void importFile(file);
  });
  // Words saved from a page in another tab appear here at once.
  api().storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && Object.keys(changes).some((k) => k.startsWith(WORD_KEY_PREFIX))) void reload();
  });
  await reload();
  document.body.dataset.ready = 'true';
}

void main();
