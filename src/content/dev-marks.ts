/**
 * Performance marks on the page's timeline in a development build only
 * (`ZHENGWEN_DEV=1 node build.mjs`; bench/profile-page.ts reads them). In a
 * release build the constant is false and the minifier drops every call's body.
 */
declare const __ZHENGWEN_MARKS__: boolean | undefined;

/** Marks `zhengwen:<name>` on the page's performance timeline (development builds only). */
export function devMark(name: string): void {
  if (typeof __ZHENGWEN_MARKS__ !== 'undefined' && __ZHENGWEN_MARKS__) performance.mark(`zhengwen:${name}`);
}
