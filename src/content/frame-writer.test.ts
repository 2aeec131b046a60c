import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FrameWriter } from './frame-writer.ts';

/** A document with frames on demand: `frame()` runs the animation-frame callbacks asked for so far. */
function fakeDocument(): { doc: Document; frame: () => void; asked: () => number } {
  let callbacks: (() => void)[] = [];
  const view = { requestAnimationFrame: (cb: () => void) => { callbacks.push(cb); return callbacks.length; } };
  const doc = { defaultView: view, visibilityState: 'visible', documentElement: { offsetHeight: 0 } } as unknown as Document;
  return {
    doc,
    frame: () => { const run = callbacks; callbacks = []; for (const cb of run) cb(); },
    asked: () => callbacks.length,
  };
}

/** Lets the writer's post-frame task (setTimeout 0) run. */
const turn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

test('drain(then): what belongs with the last batch is written in its frame, right after it, before drain resolves', async () => {
  const { doc, frame } = fakeDocument();
  const log: string[] = [];
  const writer = new FrameWriter<string>(doc, (batch) => log.push(`write ${batch.join(',')}`), (s) => s.length);
  writer.push('a', false);
  writer.push('b', false);
  let drained = false;
  const done = writer.drain(() => log.push('title')).then(() => { drained = true; });
  assert.deepEqual(log, [], 'nothing is written before the frame');
  frame();
  assert.deepEqual(log, ['write a,b', 'title'], 'the batch and then the tail, in the same frame callback');
  assert.equal(drained, false, 'drain resolves after the frame, not inside it');
  await turn();
  await done;
  assert.equal(drained, true);
});

test('drain(then) with nothing queued writes at once', async () => {
  const { doc, asked } = fakeDocument();
  const log: string[] = [];
  const writer = new FrameWriter<string>(doc, () => log.push('write'), (s) => s.length);
  await writer.drain(() => log.push('title'));
  assert.deepEqual(log, ['title']);
  assert.equal(asked(), 0, 'no frame asked for');
});

test('the tail waits for the last batch when the queue takes several frames', async () => {
  const { doc, frame } = fakeDocument();
  const log: string[] = [];
  const writer = new FrameWriter<string>(doc, (batch) => log.push(`write ${batch.join(',')}`), (s) => s.length);
  writer.expect(0);
  // Urgent items go alone while more is being fixed: a first frame, then the rest.
  writer.push('on screen', true);
  frame();
  writer.push('x'.repeat(10), false);
  const done = writer.drain(() => log.push('title'));
  await turn(); // the first frame's post-frame task schedules the next one
  frame();
  await turn();
  await done;
  assert.deepEqual(log, ['write on screen', `write ${'x'.repeat(10)}`, 'title']);
});

test('frameDue is true from the moment a batch asks for its frame until that frame runs', async () => {
  const { doc, frame } = fakeDocument();
  const writer = new FrameWriter<string>(doc, () => undefined, (s) => s.length);
  assert.equal(writer.frameDue, false);
  writer.push('on screen', true);
  assert.equal(writer.frameDue, true, 'an urgent item asks for the next frame');
  frame();
  assert.equal(writer.frameDue, false);
  await turn();
  writer.push('later', false);
  assert.equal(writer.frameDue, false, 'a non-urgent item below the budget waits for more');
});
