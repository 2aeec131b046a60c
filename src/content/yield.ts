/**
 * Gives the page's own tasks a turn between slices of our work. A plain
 * timer task, not scheduler.yield(): Chromium runs scheduler.yield()
 * continuations ahead of the page's timers, so 4 s of sliced work let a page's
 * 20 ms setInterval fire zero times (found by the hostile-page tests).
 */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

let channel: MessageChannel | undefined;
const waiting: (() => void)[] = [];
/** Node's ports (unit tests) keep the process alive while listened to: only while a yield waits. */
type NodePort = MessagePort & { ref?: () => void; unref?: () => void };

/**
 * A turn for the page without HTML's timer nesting clamp: from the sixth
 * setTimeout(0) set from a timer's callback on, each waits at least 4 ms
 * (https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#timers;
 * 4–5 ms each in Chromium 156, measured). For a short pass only (the typical
 * article: ~8 ms of its ~150): on the 1M-character page, yielding so left
 * rendering fewer turns and made its frames and tasks longer (measured).
 */
export function yieldBriefly(): Promise<void> {
  if (!channel) {
    channel = new MessageChannel();
    const receiver: NodePort = channel.port1;
    receiver.onmessage = () => {
      waiting.shift()?.();
      if (waiting.length === 0) receiver.unref?.();
    };
  }
  const { port1, port2 } = channel;
  return new Promise((resolve) => {
    waiting.push(resolve);
    (port1 as NodePort).ref?.();
    port2.postMessage(null);
  });
}
