import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, jsonScript, raw } from '../../../src/web/views/html.js';

describe('html', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['"><img src=x onerror=alert(1)>', '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'],
    ["' onmouseover='x", '&#39; onmouseover=&#39;x'],
    ['a & b', 'a &amp; b'],
    ['&lt;', '&amp;lt;'],
    ['清群 👍🏽 \u200d', '清群 👍🏽 \u200d'],
  ])('escapes %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
    expect(html`<p title="${input}">${input}</p>`.value).toBe(`<p title="${expected}">${expected}</p>`);
  });

  it('escapes strings inside arrays and leaves values built by html or raw alone', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`${['<a>', inner, raw('<br>'), null, false, undefined, 3]}`.value).toBe(
      '&lt;a&gt;<b>&lt;i&gt;</b><br>3',
    );
  });

  it('never lets a string produce markup characters', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('<', '>', '"', "'", '&', ';', 'a', '清', '\u2028', '\ud800', '\u0000'),
        }),
        (s) =>
          !/[<>"']/.test(html`${s}`.value) &&
          html`${s}`.value.replace(/&(amp|lt|gt|quot|#39);/g, '').indexOf('&') < 0,
      ),
    );
  });
});

describe('jsonScript', () => {
  it('keeps </script>, <!-- and line separators inside the JSON, which still parses to the same value', () => {
    const value = {
      unit: '</script><script>alert(2)</script>',
      note: '<!-- x -->',
      ls: '\u2028\u2029',
      amp: 'a&b',
    };
    const out = jsonScript('data', value).value;
    const body = /^<script type="application\/json" id="data">([\s\S]*)<\/script>$/.exec(out)?.[1] ?? '';
    expect(body).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(body)).toEqual(value);
  });

  it('round-trips any value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const out = jsonScript('d', value).value;
        const body = out.slice('<script type="application/json" id="d">'.length, -'</script>'.length);
        expect(body.toLowerCase()).not.toContain('</script');
        expect(JSON.parse(body)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});
