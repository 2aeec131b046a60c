/** The engine's public surface: pure functions on strings, no DOM, no browser API. */
export { analyze, type Analysis } from './analyze.ts';
export { repair, type RepairResult } from './repair.ts';
export { convert, TARGETS, TARGET_NAMES, type Target } from './convert.ts';
export { fix, FIX_TARGETS, resolveTarget, type FixTarget, type FixResult, type FixStats } from './fix.ts';
export { applyEdits, undoEdits, outputToInput, inputToOutput, type Edit, type EditKind } from './edits.ts';
