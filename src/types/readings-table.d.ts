// The precompiled readings table, a module build.mjs makes for the extension (src/core/readings/).
declare module 'zhengwen:readings-table' {
  const data: string;
  export default data;
}
