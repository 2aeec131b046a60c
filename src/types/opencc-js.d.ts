// opencc-js exports its raw dictionaries through a "./*" pattern without types.
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
declare module 'opencc-js/t2cn' {
  export * from 'opencc-js';
}
declare module 'opencc-js/cn2t' {
  export * from 'opencc-js';
}
