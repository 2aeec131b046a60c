/**
 * OpenCC's Simplified→Traditional character table takes the first candidate,
 * which breaks surnames: 范波→範波, 游开余→遊開餘. Where a name context is
 * clear (a title or a list separator before, a short given name after), the
 * surname and the given name keep their characters.
 */

/** Characters whose first Traditional candidate is wrong in a name. */
const NAME_CHARS = new Set(['范', '游', '余', '于', '姜', '沈', '党']);
const SURNAMES = new Set(['范', '游', '余', '于', '姜', '沈', '党']);

// Titles and roles that precede a name in news text; a list comma or a
// bracket only counts after a name already found (于海、余文涛).
const TITLES = '书记|市长|区长|县长|省长|镇长|乡长|行长|主席|主任|部长|厅长|局长|处长|科长|总理|委员|记者|代表|院长|校长|教授|董事长|总经理|经理|负责人|同志|通讯员|摄影|编辑|作者|专家|领导|秘书长|主持人|村民|居民|市民|游客|老师|医生|警官|法官|检察官|书法家|画家|作家';
const BEFORE = new RegExp(`(?:${TITLES})$`, 'u');
// What follows a name: punctuation, a space, the end, or a word of news reporting.
const AFTER = /^(?:[\s，,。、；;：:）)」”]|$|出席|表示|指出|说|强调|介绍|主持|参加|陪同|分别|一行|等|同志|先生|女士|书记|市长|主任|主席|在|和|与|及|代表|带队|率|会见|看望|调研|考察|讲话|致辞|宣布|认为|告诉|坦言)/u;
// A surname right before a form of address: 余女士, 范先生.
const ADDRESS = /^(?:先生|女士|老师|同志|师傅|大爷|大妈|阿姨|某)/u;

/** Puts name characters back where the converter changed them inside a name. */
export function keepSurnames(input: string, output: string): string {
  if (input.length !== output.length) return output;
  let result: string[] | undefined;
  let lastNameEnd = -2;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (!SURNAMES.has(ch) || output[i] === ch) continue;
    if (ADDRESS.test(input.slice(i + 1, i + 3))) {
      result ??= output.split('');
      result[i] = ch;
      continue;
    }
    const afterName = lastNameEnd === i - 1 && /[、，,和与及]/u.test(input[i - 1] ?? '');
    for (const givenLength of [2, 1]) {
      const given = input.slice(i + 1, i + 1 + givenLength);
      if (given.length !== givenLength || !/^\p{Script=Han}+$/u.test(given)) continue;
      const before = input.slice(Math.max(0, i - 4), i);
      if (!(afterName || BEFORE.test(before)) || !AFTER.test(input.slice(i + 1 + givenLength, i + 3 + givenLength))) continue;
      // Code units, not code points: indexes below are code-unit indexes.
      result ??= output.split('');
      result[i] = ch;
      for (let k = i + 1; k <= i + givenLength; k++) if (NAME_CHARS.has(input[k]!)) result[k] = input[k]!;
      lastNameEnd = i + givenLength + 1; // the list comma after the name
      break;
    }
  }
  return result ? result.join('') : output;
}
