/**
 * Simplified leftovers in Traditional text: what an imperfect converter leaves
 * behind (并, 先后, 那么, 勇于). Only forms a genuine Traditional text does not
 * use are counted; 台, 范, 余 and 于 alone are real Traditional characters too.
 */
const LEFTOVER = /[并么]|[先之以然最前落背其此今年日月週周隨随稍嗣爾尔]后|[勇善敢对對至在属屬由位关關]于/gu;

/** Counts leftover Simplified forms in a text. */
export function countLeftovers(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(LEFTOVER)) n++;
  return n;
}
