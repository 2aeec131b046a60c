// The precompiled mojibake class table, a module build.mjs makes for the extension (src/core/mojibake/class-source.browser.ts).
declare module 'zhengwen:mojibake-classes' {
  const runs: number[];
  export default runs;
}
