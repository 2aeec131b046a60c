/**
 * Where tables.ts's class table comes from in Node (the CLI, tests): nowhere
 * prebuilt, so classOf derives it. The extension build swaps in
 * class-source.browser.ts, which decodes what build.mjs precompiled.
 */
export function prebuiltClasses(): Uint8Array | undefined {
  return undefined;
}
