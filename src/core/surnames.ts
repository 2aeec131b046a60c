/**
 * OpenCC's Simplified→Traditional character table takes the first candidate,
 * which breaks surnames: 范波→範波, 游开余→遊開餘. Where a name context is
 * clear (a title or a list separator before, a short given name after), the
 * surname and the given name keep their characters.
 */

/** Characters whose first Traditional candidate is wrong in a name. */
const NAME_CHARS = new Set(['范', '游', '余', '于', '姜', '沈', '叶', '党', '肖', '萧']);
const SURNAMES = new Set(['范', '游', '余', '于', '姜', '沈', '党', '肖', '萧']);

// Titles and roles that precede a name in news text.
const BEFORE = /(?:书记|市长|区长|县长|省长|镇长|乡长|主席|主任|部长|厅长|局长|处长|总理|委员|记者|代表|院长|校长|教授|董事长|总经理|经理|负责人|同志|通讯员|摄影|编辑|作者|专家|副|、|，|,|：|:|（|\(|\s|^)$/u;
const TITLE_BEFORE = /(?:书记|市长|区长|县长|省长|镇长|乡长|主席|主任|部长|厅长|局长|处长|总理|委员|记者|院长|校长|教授|董事长|经理|同志)$/u;
// What follows a name: punctuation, a space, the end, or a verb of news reporting.
const AFTER = /^(?:[\s，,。、；;：:）)」”]|$|出席|表示|指出|说|強調|强调|介绍|主持|参加|陪同|等|同志|先生|女士|书记|市长|主任|主席|在)/u;

/** Puts name characters back where the converter changed them inside a name. */
export function keepSurnames(input: string, output: string): string {
  if (input.length !== output.length) return output;
  let result: string[] | undefined;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (!SURNAMES.has(ch) || output[i] === ch) continue;
    for (const givenLength of [2, 1]) {
      const given = input.slice(i + 1, i + 1 + givenLength);
      if (given.length !== givenLength || !/^\p{Script=Han}+$/u.test(given)) continue;
      const before = input.slice(Math.max(0, i - 4), i);
      if (!BEFORE.test(before) || !AFTER.test(input.slice(i + 1 + givenLength, i + 3 + givenLength))) continue;
      // A one-character given name needs a title before it: 肖邦 in a list is Chopin.
      if (givenLength === 1 && !TITLE_BEFORE.test(before)) continue;
      // Code units, not code points: indexes below are code-unit indexes.
      result ??= output.split('');
      result[i] = ch;
      for (let k = i + 1; k <= i + givenLength; k++) if (NAME_CHARS.has(input[k]!)) result[k] = input[k]!;
      break;
    }
  }
  return result ? result.join('') : output;
}
