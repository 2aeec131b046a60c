/**
 * When the hover popover opens and closes (the policy only; what it shows is
 * hover.ts's and popover.ts's business).
 *
 * - 'rest': after the pointer rests on a word for the hover delay.
 * - 'modifier': only while Shift is held (the pointer moves with Shift down,
 *   or Shift is pressed while the pointer rests on a word). Shift, not Alt:
 *   it is Yomitan's default; Alt alone focuses the menu bar in Windows
 *   browsers and Firefox, and Alt+drag moves windows on many Linux desktops.
 * - 'off': never on hover (the keyboard lookup still works).
 *
 * A pause from the page (the keyboard command) stops hover lookups on this
 * tab until it is pressed again or the page reloads; the stored setting is
 * left as it is.
 */
import type { PopoverTrigger } from '../shared/settings.ts';

/** The key that the 'modifier' trigger waits for, as KeyboardEvent.key names it. */
export const MODIFIER_KEY = 'Shift';

/** What a pointer move should lead to: a lookup after the delay, one at once, or none. */
export type MoveAction = 'after-delay' | 'now' | 'none';

/** What a pointer move (with its modifier state) should lead to under a trigger. */
export function moveAction(trigger: PopoverTrigger, event: { shiftKey: boolean }, paused: boolean): MoveAction {
  if (paused || trigger === 'off') return 'none';
  if (trigger === 'modifier') return event.shiftKey ? 'now' : 'none';
  return 'after-delay';
}

/** True when a key press should look up the word under a resting pointer (the modifier just went down). */
export function keyStartsLookup(trigger: PopoverTrigger, event: { key: string; repeat: boolean }, paused: boolean): boolean {
  return !paused && trigger === 'modifier' && event.key === MODIFIER_KEY && !event.repeat;
}

/** True when a key goes to a text field: Shift there starts a capital letter, not a lookup. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable === true || (typeof el.matches === 'function' && el.matches('input, textarea, select')));
}

/**
 * Watches the text under an open popover and calls back once when it changes
 * (Show original, ruby turned on or off, the page rewriting it): a popover
 * must not stay over text it no longer describes.
 */
export class AnchorWatch {
  private observer: MutationObserver | undefined;

  /** Starts watching an element's text (replacing any earlier watch). */
  watch(element: Element, onChange: () => void): void {
    this.stop();
    const observer = new MutationObserver(() => {
      this.stop();
      onChange();
    });
    // The block only: watching its parent too would close popovers whenever a page appends content.
    observer.observe(element, { subtree: true, childList: true, characterData: true });
    this.observer = observer;
  }

  /** Stops watching. */
  stop(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}
