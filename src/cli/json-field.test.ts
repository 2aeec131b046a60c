import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { seededRandom } from '../damage/random.ts';
import { findStringField } from './json-field.ts';

/** The raw token findStringField points at, or undefined. */
function token(line: string, field: string): string | undefined {
  const span = findStringField(line, field);
  return span && line.slice(span.start, span.end);
}

/**
 * Checks the span against JSON.parse, the reference: the span must be exactly
 * the string token whose value JSON.parse gives for the field, or absent when
 * JSON.parse gives no string.
 */
function assertAgreesWithJsonParse(line: string, field: string): void {
  const parsed = JSON.parse(line) as unknown;
  const want = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) && Object.hasOwn(parsed, field)
    ? (parsed as Record<string, unknown>)[field] : undefined;
  const span = findStringField(line, field);
  if (typeof want !== 'string') {
    assert.equal(span, undefined, `no string field ${JSON.stringify(field)} in ${line}`);
    return;
  }
  assert.ok(span, `field ${JSON.stringify(field)} not found in ${line}`);
  const raw = line.slice(span.start, span.end);
  assert.equal(raw[0], '"', `span starts at a quote: ${raw}`);
  assert.equal(raw[raw.length - 1], '"', `span ends at a quote: ${raw}`);
  assert.equal(JSON.parse(raw), want, `value of ${JSON.stringify(field)} in ${line}`);
  // Replacing the token replaces that field and nothing else.
  const replaced = JSON.parse(line.slice(0, span.start) + '"REPLACED"' + line.slice(span.end)) as Record<string, unknown>;
  assert.deepEqual(replaced, { ...(parsed as Record<string, unknown>), [field]: 'REPLACED' });
}

describe('findStringField', () => {
  test('a plain field, with and without odd whitespace', () => {
    assert.equal(token('{"text":"abc"}', 'text'), '"abc"');
    assert.equal(token(' \t{ "id" : 1 ,\t"text"  :\t "a b"  , "x":[] }  ', 'text'), '"a b"');
    assert.equal(token('{"id":1,"text":"","z":2}', 'text'), '""');
    for (const line of ['{"text":"abc"}', ' \t{ "id" : 1 ,\t"text"  :\t "a b"  , "x":[] }  ', '{\r\n"text"\n:\n"x"\n}']) {
      assertAgreesWithJsonParse(line, 'text');
    }
  });

  test('escaped quotes and backslashes inside values and keys', () => {
    assert.equal(JSON.parse(token(String.raw`{"text":"say \"hi\" \\"}`, 'text')!), 'say "hi" \\');
    // A value that looks like the field, inside an earlier string.
    const tricky = String.raw`{"a":"\"text\":\"fake\", \\","text":"real"}`;
    assert.equal(JSON.parse(token(tricky, 'text')!), 'real');
    assert.equal(token(String.raw`{"a":"\"text\":\"fake\""}`, 'text'), undefined);
    // A value ending in an escaped backslash right before the closing quote.
    assert.equal(JSON.parse(token(String.raw`{"p":"C:\\","text":"ok\\"}`, 'text')!), 'ok\\');
    // Keys are compared after unescaping, like JSON.parse does.
    assert.equal(JSON.parse(token(String.raw`{"te\u0078t":"v"}`, 'text')!), 'v');
    assert.equal(JSON.parse(token(String.raw`{"a\"b":"q"}`, 'a"b')!), 'q');
    assertAgreesWithJsonParse(tricky, 'text');
    assertAgreesWithJsonParse(String.raw`{"te\u0078t":"v","\u4e2d":"\u6587"}`, '中');
  });

  test('nested objects and arrays holding the same key are not the field', () => {
    assert.equal(token('{"meta":{"text":"inner"}}', 'text'), undefined);
    assert.equal(token('{"list":["text",{"text":"x"}]}', 'text'), undefined);
    assert.equal(token('{"meta":{"text":"inner","deep":{"text":"deeper"}},"text":"outer"}', 'text'), '"outer"');
    assert.equal(token('{"list":[{"text":"x"},["text"]],"text":"y"}', 'text'), '"y"');
    // Brackets and braces inside strings inside nested values do not end them.
    assert.equal(token('{"a":{"b":"}]{[\\"}","c":["]"]},"text":"ok"}', 'text'), '"ok"');
    assertAgreesWithJsonParse('{"a":{"b":"}]{[\\"}","c":["]"]},"text":"ok"}', 'text');
    assertAgreesWithJsonParse('{"meta":{"text":"inner"}}', 'text');
  });

  test('duplicate keys: the last one wins, as in JSON.parse', () => {
    assert.equal(token('{"text":"first","text":"second"}', 'text'), '"second"');
    assert.equal(token('{"text":"first","text":5}', 'text'), undefined);
    assert.equal(token('{"text":5,"text":"second"}', 'text'), '"second"');
    for (const line of ['{"text":"first","text":"second"}', '{"text":"first","text":null}', '{"text":{},"text":"s","x":1}']) {
      assertAgreesWithJsonParse(line, 'text');
    }
  });

  test('a field that is not a string gives undefined', () => {
    for (const v of ['5', '-1.5e+3', 'null', 'true', 'false', '{"text":"x"}', '["x"]', '[]', '{}']) {
      assert.equal(findStringField(`{"text":${v},"other":"s"}`, 'text'), undefined, v);
      assert.equal(findStringField(`{"other":"s", "text" : ${v} }`, 'text'), undefined, v);
    }
  });

  test('absent fields, similar names, and lines that are not objects', () => {
    assert.equal(findStringField('{}', 'text'), undefined);
    assert.equal(findStringField('{ }', 'text'), undefined);
    assert.equal(findStringField('{"textual":"a","Text":"b","tex":"c"}', 'text'), undefined);
    assert.equal(findStringField('["text","a"]', 'text'), undefined);
    assert.equal(findStringField('"text"', 'text'), undefined);
    assert.equal(findStringField('42', 'text'), undefined);
    assert.equal(findStringField('null', 'text'), undefined);
  });

  test('unicode and escapes in the value are part of the token', () => {
    const line = String.raw`{"id":12345678901234567890,"text":"\u4f60\ud83d\ude00\n網(wǎng)","n":1.0}`;
    assert.equal(JSON.parse(token(line, 'text')!), '你😀\n網(wǎng)');
    assertAgreesWithJsonParse(line, 'text');
    assert.equal(token('{"text":"中文 😀"}', 'text'), '"中文 😀"');
  });

  test('agrees with JSON.parse on 3,000 seeded random records', () => {
    const random = seededRandom(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const keys = ['text', 'title', 'te"xt', 'a\\b', '中', 'text ', ''];
    const strings = ['', 'text', '"text":"x"', '}', ']', '{', '[', '\\', '"', '網(wǎng)', '\n', '\u2028', '😀', ', ', ':'];
    const ws = ['', ' ', '  ', '\t', ' \t '];
    const value = (depth: number): string => {
      const r = random();
      if (depth > 2 || r < 0.35) return JSON.stringify(pick(strings) + pick(strings));
      if (r < 0.45) return pick(['0', '-1', '1.0', '12345678901234567890', '1e-7', 'true', 'false', 'null']);
      if (r < 0.75) return object(depth + 1);
      const n = Math.floor(random() * 4);
      return `[${Array.from({ length: n }, () => pick(ws) + value(depth + 1) + pick(ws)).join(',')}]`;
    };
    const escapeKey = (k: string): string => {
      const s = JSON.stringify(k);
      // Sometimes write a key with \u escapes, which JSON.parse unescapes.
      return random() < 0.2 ? '"' + [...k].map((c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')).join('') + '"' : s;
    };
    function object(depth: number): string {
      const n = Math.floor(random() * 5);
      const members = Array.from({ length: n }, () => `${pick(ws)}${escapeKey(pick(keys))}${pick(ws)}:${pick(ws)}${value(depth)}${pick(ws)}`);
      return `{${members.join(',')}${pick(ws)}}`;
    }
    let found = 0;
    for (let n = 0; n < 3000; n++) {
      const line = pick(ws) + object(0) + pick(ws);
      for (const field of ['text', 'te"xt', '中', '']) {
        assertAgreesWithJsonParse(line, field);
        if (findStringField(line, field)) found++;
      }
    }
    assert.ok(found > 1000, `the generator should often contain the field (found ${found})`);
  });
});
