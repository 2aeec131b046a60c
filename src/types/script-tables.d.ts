// The precompiled script tables, a module build.mjs makes for the extension (src/core/script-source.browser.ts).
declare module 'zhengwen:script-tables' {
  const data: string;
  export default data;
}
