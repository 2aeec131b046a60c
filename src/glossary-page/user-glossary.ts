/**
 * The "My terms" page: the reader adds, edits and deletes their own glossary
 * terms, imports them from JSON or CSV (all or nothing, problems shown with
 * their line numbers) and exports them. Every change is one write of the whole
 * list (src/shared/user-glossary-store.ts); open tabs pick it up through
 * storage.onChanged. Built with DOM APIs and textContent only.
 */
import browser from 'webextension-polyfill';
import {
  checkTerms, detectFormat, formatLineError, parseUserGlossary, toCsv, toJson,
  type LineError, type ScriptConverters, type UserTerm,
} from '../core/glossary/user-glossary.ts';
import { converter } from '../core/opencc/index.ts';
import { isUserGlossaryChange, loadUserTerms, saveUserTerms, StorageFullError, type LocalArea } from '../shared/user-glossary-store.ts';

const area = browser.storage.local as unknown as LocalArea;
const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const FIELDS = ['simplified', 'traditional', 'pinyin', 'english', 'note'] as const;

/** A UI string in the browser's language, English when missing. */
function t(key: string, fallback: string, substitutions?: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || fallback;
}

let terms: UserTerm[] = [];
/** The index of the term being edited, or undefined when adding. */
let editing: number | undefined;

let converters: Promise<ScriptConverters> | undefined;
/** OpenCC (Simplified → Taiwan Traditional and back), loaded the first time a term needs its other script. */
function scripts(): Promise<ScriptConverters> {
  converters ??= Promise.all([converter('s2tw'), converter('tw2s')]).then(([toTraditional, toSimplified]) => ({ toTraditional, toSimplified }));
  return converters;
}

function localize(): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n!, el.textContent ?? '');
  document.title = t('ugTitle', document.title);
  document.documentElement.lang = browser.i18n.getUILanguage();
}

/** Shows a result: a line of status, and the problems (if any) as a list. */
function report(message: string, problems: string[] = [], bad = problems.length > 0): void {
  const status = $('status');
  status.textContent = message;
  status.classList.toggle('bad', bad);
  const list = $<HTMLUListElement>('problems');
  list.replaceChildren(...problems.map((p) => Object.assign(document.createElement('li'), { textContent: p })));
  list.hidden = problems.length === 0;
  // The result sits below the form and the file buttons: bring it into view.
  if (message) status.scrollIntoView({ block: 'nearest' });
}

function render(): void {
  const rows = terms.map((term, i) => {
    const tr = document.createElement('tr');
    for (const f of FIELDS) {
      const td = document.createElement('td');
      td.className = f;
      td.textContent = term[f];
      if (f === 'simplified') td.lang = 'zh-Hans';
      if (f === 'traditional') td.lang = 'zh-Hant';
      tr.append(td);
    }
    const actions = document.createElement('td');
    actions.className = 'actions';
    const edit = button(t('ugEdit', 'Edit'), () => startEdit(i));
    const remove = button(t('ugDelete', 'Delete'), () => void removeTerm(i));
    const label = term.simplified === term.traditional ? term.simplified : `${term.simplified} ${term.traditional}`;
    edit.setAttribute('aria-label', `${t('ugEdit', 'Edit')} ${label}`);
    remove.setAttribute('aria-label', `${t('ugDelete', 'Delete')} ${label}`);
    actions.append(edit, remove);
    tr.append(actions);
    return tr;
  });
  $('term-rows').replaceChildren(...rows);
  $('terms').hidden = terms.length === 0;
  $('count').textContent = terms.length ? t('ugCount', `Terms: ${terms.length}`, [String(terms.length)]) : t('ugEmpty', 'No terms yet.');
}

function button(text: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

function input(field: (typeof FIELDS)[number]): HTMLInputElement | HTMLTextAreaElement {
  return $(`f-${field}`);
}

function startEdit(index: number): void {
  editing = index;
  for (const f of FIELDS) input(f).value = terms[index]![f];
  $('form-heading').textContent = t('ugEditHeading', 'Edit a term');
  $('cancel').hidden = false;
  input('simplified').focus();
}

function resetForm(): void {
  editing = undefined;
  $<HTMLFormElement>('term-form').reset();
  $('form-heading').textContent = t('ugAddHeading', 'Add a term');
  $('cancel').hidden = true;
}

/** Writes the list; on failure nothing changed (one write), and the reader is told why. */
async function store(next: UserTerm[], done: string): Promise<boolean> {
  try {
    await saveUserTerms(area, next);
  } catch (e) {
    const reason = e instanceof StorageFullError ? t('ugStorageFull', 'the storage for this extension is full. Delete or export some terms first.') : (e as Error).message;
    report(t('ugNothingChanged', `Nothing was changed: ${reason}`, [reason]), [], true);
    return false;
  }
  terms = next;
  render();
  report(done);
  return true;
}

/** The forms of a term, for finding the same term in another row. */
const formsOf = (term: UserTerm): string[] => [term.simplified, term.traditional];

async function saveForm(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const values: Record<string, string> = Object.fromEntries(FIELDS.map((f) => [f, input(f).value]));
  // Editing one script only: the other is derived again rather than left as it was.
  const old = editing === undefined ? undefined : terms[editing];
  if (old && values.simplified !== old.simplified && values.traditional === old.traditional) values.traditional = '';
  if (old && values.traditional !== old.traditional && values.simplified === old.simplified) values.simplified = '';
  const checked = checkTerms([{ line: 1, values }], await scripts());
  if (!checked.ok) {
    report(t('ugFix', 'Please fix this:'), checked.errors.map((e) => e.message));
    return;
  }
  const term = checked.terms[0]!;
  const clash = terms.findIndex((other, i) => i !== editing && formsOf(other).some((f) => formsOf(term).includes(f)));
  if (clash !== -1) {
    report(t('ugFix', 'Please fix this:'), [t('ugDuplicate', `“${terms[clash]!.simplified}” is already in your list.`, [terms[clash]!.simplified])]);
    return;
  }
  const next = [...terms];
  if (editing === undefined) next.push(term);
  else next[editing] = term;
  if (await store(next, t('ugSaved', 'Saved.'))) resetForm();
}

async function removeTerm(index: number): Promise<void> {
  const next = terms.filter((_, i) => i !== index);
  if (await store(next, t('ugDeleted', 'Deleted.')) && editing !== undefined) resetForm();
}

async function importFile(file: File): Promise<void> {
  const text = await file.text();
  const parsed = parseUserGlossary(text, detectFormat(text, file.name), await scripts());
  if (!parsed.ok) {
    report(t('ugImportFailed', `Nothing was imported: ${file.name} has problems.`, [file.name]), parsed.errors.map((e: LineError) => formatLineError(e)));
    return;
  }
  // Imported terms replace the reader's terms with the same characters; the rest stay.
  const incoming = new Set(parsed.terms.flatMap(formsOf));
  const next = [...terms.filter((old) => !formsOf(old).some((f) => incoming.has(f))), ...parsed.terms];
  await store(next, t('ugImported', `Terms imported: ${parsed.terms.length}.`, [String(parsed.terms.length)]));
}

function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function main(): Promise<void> {
  localize();
  terms = await loadUserTerms(area);
  render();
  $<HTMLFormElement>('term-form').addEventListener('submit', (e) => void saveForm(e));
  $('cancel').addEventListener('click', () => { resetForm(); report(''); });
  const fileInput = $<HTMLInputElement>('import');
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) imports it again.
    if (file) void importFile(file).finally(() => { fileInput.value = ''; });
  });
  $('export-json').addEventListener('click', () => download(toJson(terms), 'zhengwen-my-terms.json', 'application/json'));
  // A BOM so that spreadsheet programs read the CSV as UTF-8.
  $('export-csv').addEventListener('click', () => download('\uFEFF' + toCsv(terms), 'zhengwen-my-terms.csv', 'text/csv'));
  // Another window of this page changed the list: show it.
  browser.storage.onChanged.addListener((changes, areaName) => {
    if (isUserGlossaryChange(changes, areaName)) void loadUserTerms(area).then((next) => { terms = next; render(); });
  });
}

void main();
