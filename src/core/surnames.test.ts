/**
 * OpenCC's Simplified→Traditional character table takes the first candidate,
 * which breaks surnames (范波→範波, 游开余→遊開餘). convert(…, 'tw') must keep
 * 范/游/余/于 in names after titles and still convert them in ordinary words.
 * Failing name contexts are in cases/known-failures.json ("Surname to tw …").
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { convert } from './convert.ts';
import { keepSurnames } from './surnames.ts';

const tw = async (s: string): Promise<string> => (await convert(s, 'tw')).text;

describe("convert(…, 'tw') keeps surnames in names", () => {
  const NAMES: [string, string][] = [
    ['市委书记范建国出席会议。', '市委書記范建國出席會議。'],
    ['市政协主席游开余，市委副书记李国贵分别陪同考察。', '市政協主席游開余，市委副書記李國貴分別陪同考察。'],
    ['市统计局局长余建平在回答记者提问时表示', '市統計局局長余建平在回答記者提問時表示'],
    ['市人大常委会主任于海主持会议并讲话', '市人大常委會主任于海主持會議並講話'],
    ['镇党委书记于明亮介绍，石桥镇重点抓了三件事。', '鎮黨委書記于明亮介紹，石橋鎮重點抓了三件事。'],
    ['高新区管委会主任范立群介绍，园区坚持以商招商。', '高新區管委會主任范立群介紹，園區堅持以商招商。'],
    ['副市长游晓红主持会议，各区县设分会场。', '副市長游曉紅主持會議，各區縣設分會場。'],
    ['市政协主席余文涛出席会议并讲话', '市政協主席余文濤出席會議並講話'],
  ];
  for (const [input, want] of NAMES) {
    test(input, async () => {
      assert.equal(await tw(input), want);
    });
  }

  test('the Hong Kong target keeps them too', async () => {
    assert.equal((await convert('市委书记范建国出席会议。', 'hk')).text, '市委書記范建國出席會議。');
    assert.equal((await convert('市政协主席游开余，', 'hk')).text, '市政協主席游開余，');
  });
});

describe("convert(…, 'tw') converts the same characters in ordinary words", () => {
  // 范围: OpenCC writes 範圍, which is the Traditional word (範 = scope, model); only the surname stays 范.
  const WORDS: [string, string][] = [
    ['范围', '範圍'],
    ['模范', '模範'],
    ['游泳', '游泳'],
    ['游客', '遊客'],
    ['其余', '其餘'],
    ['余额', '餘額'],
    ['关于', '關於'],
    ['由于', '由於'],
    ['勇于担当', '勇於擔當'],
    ['生姜', '生薑'],
    ['沈阳', '瀋陽'],
  ];
  for (const [input, want] of WORDS) {
    test(`${input} → ${want}`, async () => {
      assert.equal(await tw(input), want);
    });
  }

  test('a name and the ordinary words in one sentence', async () => {
    assert.equal(
      await tw('市委书记范建国表示，要在更大范围内开展合作，其余工作由副市长游晓红主持。'),
      '市委書記范建國表示，要在更大範圍內開展合作，其餘工作由副市長游曉紅主持。',
    );
  });

  test('a one-character given name needs a title: 肖邦 in a list is Chopin', async () => {
    assert.equal(await tw('曲目包括巴赫、肖邦、莫扎特的作品。'), '曲目包括巴赫、肖邦、莫扎特的作品。');
  });
});

describe('keepSurnames', () => {
  test('puts the surname back where the converter changed it', () => {
    assert.equal(keepSurnames('市委书记范建国出席', '市委書記範建國出席'), '市委書記范建國出席');
  });

  test('also restores name characters in the given name (余 in 游开余)', () => {
    assert.equal(keepSurnames('主席游开余，', '主席遊開餘，'), '主席游開余，');
  });

  test('leaves ordinary words alone', () => {
    assert.equal(keepSurnames('更大范围开展', '更大範圍開展'), '更大範圍開展');
    assert.equal(keepSurnames('其余委员', '其餘委員'), '其餘委員');
  });

  test('gives the converter output back when lengths differ (no alignment to trust)', () => {
    assert.equal(keepSurnames('书记范建国', '書記範建國國'), '書記範建國國');
  });

  test('no surname character: output unchanged', () => {
    assert.equal(keepSurnames('网络安全', '網絡安全'), '網絡安全');
  });
});
