// The visible text search indexes and cuts snippets from.
import { describe, expect, it } from 'vitest';
import { plainText } from '../../../main/engine/plain-text';

describe('plainText', () => {
  it('keeps visible text, with tags and comments as spaces and whitespace collapsed', () => {
    expect(plainText('<p>One <strong>two</strong></p>\n<p>three</p>')).toBe('One two three');
    expect(plainText('a<!-- hidden <b>x</b> -->b')).toBe('a b');
    expect(plainText('  spaced \t\n out  ')).toBe('spaced out');
  });

  it('leaves out what a page never shows', () => {
    expect(
      plainText('a<script>var x = "<p>no</p>";</script>b<STYLE>p{}</style >c<svg><text>no</text></svg>d'),
    ).toBe('a b c d');
    expect(plainText('<head><title>T</title></head><body>shown</body>')).toBe('shown');
  });

  it('decodes HTML entities, so "Caf&eacute;" is found as café, and keeps what is no entity', () => {
    expect(plainText('Fish &amp; chips &lt;3 &#233;t&#xE9; a&nbsp;b &copy; Caf&eacute; &nosuchentity;')).toBe(
      'Fish & chips <3 été a b © Café &nosuchentity;',
    );
    expect(plainText('&#0; &#x110000;x')).toBe('x');
  });

  it('reads broken markup without losing text', () => {
    expect(plainText('a < b and c')).toBe('a < b and c');
    expect(plainText('<script>never closed')).toBe('never closed');
    expect(plainText('text <!-- never closed')).toBe('text <!-- never closed');
  });

  it('keeps offsets on the original text when a capital grows as it is lowercased (İ is two units)', () => {
    expect(plainText('İİİİ <script>hidden</script> visible after')).toBe('İİİİ visible after');
    expect(plainText('<style>İİ</style><script>secret</script>shown')).toBe('shown');
    expect(plainText('<SCRIPT>x</Script >İ<p>a</p>')).toBe('İ a');
  });
});
