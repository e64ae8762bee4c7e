import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  countScripts, scriptClassOf, addCounts, subtractCounts, totalCount, sameCounts, isWhiteSpace,
} from '../../lib/capture/scripts.js';

test('latin letters, digits and punctuation are latin; white space is not counted', () => {
  assert.deepEqual(countScripts('Hello, world 42!'), { latin: 14 });
  assert.deepEqual(countScripts(' \t\n\u00a0\u3000'), {});
  assert.deepEqual(countScripts('café naïve – “quoted”…'), { latin: 19 });
});

test('each script class is recognised', () => {
  assert.deepEqual(countScripts('电能'), { cjk: 2 });
  assert.deepEqual(countScripts('ひらがなカタカナ'), { kana: 8 });
  assert.deepEqual(countScripts('한국어'), { hangul: 3 });
  assert.deepEqual(countScripts('Привет'), { cyrillic: 6 });
  assert.deepEqual(countScripts('مرحبا'), { arabic: 5 });
  assert.deepEqual(countScripts('नमस्ते'), { devanagari: 6 });
  assert.deepEqual(countScripts('αβγ'), { other: 3 });
});

test('emoji count once per code point, as other', () => {
  assert.deepEqual(countScripts('⚡😀'), { other: 2 });
  assert.deepEqual(countScripts('👍🏽'), { other: 2 });
});

test('CJK extensions, compatibility ideographs and full-width forms are cjk', () => {
  assert.equal(scriptClassOf(0x3400), 'cjk'); // ext A
  assert.equal(scriptClassOf(0x20000), 'cjk'); // ext B
  assert.equal(scriptClassOf(0xf900), 'cjk'); // compatibility
  assert.equal(scriptClassOf(0xff01), 'cjk'); // full-width !
  assert.equal(scriptClassOf(0x3002), 'cjk'); // 。
  assert.equal(scriptClassOf(0xff71), 'kana'); // half-width katakana
  assert.equal(scriptClassOf(0x1100), 'hangul'); // jamo
  assert.equal(scriptClassOf(0x1e9e), 'latin'); // ẞ
  assert.equal(scriptClassOf(0x0e01), 'other'); // Thai
});

test('mixed text is split per class', () => {
  assert.deepEqual(countScripts('kWh 是 キロ 와트 ватт'), { latin: 3, cjk: 1, kana: 2, hangul: 2, cyrillic: 4 });
});

test('control characters are not counted', () => {
  assert.deepEqual(countScripts('a\u0000b\u0085c\u007f'), { latin: 3 });
});

test('count helpers', () => {
  assert.deepEqual(addCounts({ latin: 2 }, { latin: 3, cjk: 1 }), { latin: 5, cjk: 1 });
  assert.deepEqual(subtractCounts({ latin: 5, cjk: 1 }, { latin: 2, cjk: 4 }), { latin: 3 });
  assert.equal(totalCount({ latin: 5, cjk: 1 }), 6);
  assert.ok(sameCounts({ latin: 1 }, { latin: 1, cjk: 0 }));
  assert.ok(!sameCounts({ latin: 1 }, { latin: 2 }));
});

test('the ASCII fast path counts exactly like the code-point definition', () => {
  const reference = (text) => {
    const c = {};
    for (const ch of text) {
      const cp = ch.codePointAt(0);
      if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || /\s/u.test(ch)) continue;
      const cls = scriptClassOf(cp);
      c[cls] = (c[cls] || 0) + 1;
    }
    return c;
  };
  let seed = 42;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let k = 0; k < 500; k += 1) {
    let s = '';
    for (let j = 0; j < 40; j += 1) {
      const r = rand();
      const cp = r < 0.4 ? Math.floor(rand() * 0x100) : r < 0.8 ? Math.floor(rand() * 0x10000) : Math.floor(rand() * 0x110000);
      s += cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp);
    }
    assert.deepEqual(countScripts(s), reference(s), JSON.stringify(s));
  }
  assert.deepEqual(countScripts('a\u00a0b\u2003c\u3000d 😀\ud800'), reference('a\u00a0b\u2003c\u3000d 😀\ud800'));
});

test('isWhiteSpace matches exactly the code points /\\s/u matches', () => {
  const mismatches = [];
  for (let cp = 0; cp <= 0x10ffff; cp += 1) {
    const want = /\s/u.test(String.fromCodePoint(cp));
    if (isWhiteSpace(cp) !== want) mismatches.push(cp.toString(16));
  }
  assert.deepEqual(mismatches, []);
});
