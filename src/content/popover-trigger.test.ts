import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isTypingTarget, keyStartsLookup, MODIFIER_KEY, moveAction } from './popover-trigger.ts';

test('rest: every move waits for the delay; with or without Shift', () => {
  assert.equal(moveAction('rest', { shiftKey: false }, false), 'after-delay');
  assert.equal(moveAction('rest', { shiftKey: true }, false), 'after-delay');
});

test('modifier: a move looks up only while Shift is held, at once', () => {
  assert.equal(moveAction('modifier', { shiftKey: false }, false), 'none');
  assert.equal(moveAction('modifier', { shiftKey: true }, false), 'now');
});

test('off, or paused from the page: no hover lookup at all', () => {
  assert.equal(moveAction('off', { shiftKey: true }, false), 'none');
  for (const trigger of ['rest', 'modifier'] as const) assert.equal(moveAction(trigger, { shiftKey: true }, true), 'none');
});

test('pressing the modifier looks up under a resting pointer; a held key repeating does not, nor other keys or triggers', () => {
  assert.equal(MODIFIER_KEY, 'Shift');
  assert.equal(keyStartsLookup('modifier', { key: 'Shift', repeat: false }, false), true);
  assert.equal(keyStartsLookup('modifier', { key: 'Shift', repeat: true }, false), false);
  assert.equal(keyStartsLookup('modifier', { key: 'Alt', repeat: false }, false), false);
  assert.equal(keyStartsLookup('rest', { key: 'Shift', repeat: false }, false), false);
  assert.equal(keyStartsLookup('modifier', { key: 'Shift', repeat: false }, true), false);
});

test('Shift typed into a text field is not a lookup', () => {
  const field = (selector: string, editable = false) => ({ isContentEditable: editable, matches: (s: string) => s.split(', ').includes(selector) }) as unknown as EventTarget;
  assert.equal(isTypingTarget(field('input')), true);
  assert.equal(isTypingTarget(field('textarea')), true);
  assert.equal(isTypingTarget(field('div', true)), true, 'contenteditable');
  assert.equal(isTypingTarget(field('body')), false);
  assert.equal(isTypingTarget(null), false);
});
