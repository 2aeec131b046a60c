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

test('drain(then): what is left once all is fixed is written in the next frame, with what belongs with it right after it, before drain resolves', async () => {
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

test('text on screen is written in the next frame callback, its tail with it', async () => {
  const { doc, frame } = fakeDocument();
  const log: string[] = [];
  const writer = new FrameWriter<string>(doc, (batch) => log.push(`write ${batch.join(',')}`), (s) => s.length);
  writer.push('on screen', true);
  const done = writer.drain(() => log.push('title'));
  frame();
  assert.deepEqual(log, ['write on screen', 'title']);
  await turn();
  await done;
});

test('after a frame, the next full batch is written in the first task, before anything else of ours; frameDue until the frame that shows it', async () => {
  const { doc, frame, asked } = fakeDocument();
  const log: string[] = [];
  const writer = new FrameWriter<string>(doc, (batch) => log.push(`write ${batch.join(',')}`), (s) => s.length);
  writer.expect(0);
  writer.push('on screen', true);
  frame();
  // Fixed while that frame rendered: more than a batch is queued before its post-frame task runs.
  writer.push('x'.repeat(20_000), false);
  assert.equal(asked(), 0, 'no frame is asked for while the last one has not been followed up');
  await turn();
  assert.deepEqual(log, ['write on screen', `write ${'x'.repeat(20_000)}`], 'written in the task right after the frame');
  assert.equal(writer.frameDue, true, 'the frame that shows it is due: work done now delays it');
  assert.equal(asked(), 1);
  frame();
  assert.equal(writer.frameDue, false);
});

test('a batch filled while fixing goes on is written in the first task after the next frame, not in its callback', async () => {
  const { doc, frame, asked } = fakeDocument();
  const log: string[] = [];
  const writer = new FrameWriter<string>(doc, (batch) => log.push(`write ${batch.length}`), (s) => s.length);
  writer.push('x'.repeat(20_000), false);
  assert.equal(asked(), 1, 'a full batch asks for a frame');
  assert.equal(writer.frameDue, true);
  frame();
  assert.deepEqual(log, [], 'the frame callback writes nothing');
  await turn();
  assert.deepEqual(log, ['write 1'], 'the task right after that frame does');
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
  await turn(); // the first frame's post-frame task writes the rest (all is queued)
  frame(); // the frame that shows it
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
