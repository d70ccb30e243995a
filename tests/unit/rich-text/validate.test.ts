import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { countWords, plainTextOf, type RichTextJson } from '@/lib/rich-text/plain-text';
import { renderRichText } from '@/lib/rich-text/render';
import { richTextLimits, validateRichText } from '@/lib/rich-text/validate';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';

// The server is the boundary: whatever a client sends as "tiptap JSON" is either stored in the shape the
// one shared extension list (lib/rich-text/extensions.ts) allows, or refused with an `errors.rich_text_*`
// key (AppError invalid_input) the form can translate. Never a raw exception, never a 500.
// fast-check is not installed, so there are no property tests here; the cases are chosen by hand.

const text = (value: string, marks?: RichTextJson['marks']): RichTextJson => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: RichTextJson[]): RichTextJson => ({ type: 'paragraph', ...(content.length ? { content } : {}) });
const doc = (...content: unknown[]) => ({ type: 'doc', content });
const linked = (href: unknown, extra: Record<string, unknown> = {}) => doc(paragraph(text('a link', [{ type: 'link', attrs: { href, ...extra } as Record<string, unknown> }])));

type RichTextErrorKey = 'errors.rich_text_invalid' | 'errors.rich_text_link' | 'errors.rich_text_too_large';

/** The refusal validateRichText gives, as its message key; anything but an invalid_input AppError fails. */
function refusalOf(input: unknown): string {
  let error: unknown;
  try {
    validateRichText(input);
  } catch (thrown) {
    error = thrown;
  }
  expect(error, 'expected a refusal').toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('invalid_input');
  return (error as AppError).message;
}

describe('validateRichText refuses', () => {
  const circular: Record<string, unknown> = { type: 'doc' };
  circular.content = [circular];

  const cases: [string, unknown, RichTextErrorKey][] = [
    // What is not a document at all.
    ['null', null, 'errors.rich_text_invalid'],
    ['undefined', undefined, 'errors.rich_text_invalid'],
    ['a string', 'hello', 'errors.rich_text_invalid'],
    ['the JSON of a document, as a string', JSON.stringify(doc(paragraph(text('x')))), 'errors.rich_text_invalid'],
    ['a number', 42, 'errors.rich_text_invalid'],
    ['a boolean', true, 'errors.rich_text_invalid'],
    ['an array', [doc(paragraph(text('x')))], 'errors.rich_text_invalid'],
    ['an object with no type', { content: [] }, 'errors.rich_text_invalid'],
    ['a circular object', circular, 'errors.rich_text_invalid'],
    ['a BigInt inside', { type: 'doc', content: [], size: BigInt(1) }, 'errors.rich_text_invalid'],
    // A top node that is not `doc`.
    ['a paragraph as the top node', paragraph(text('x')), 'errors.rich_text_invalid'],
    ['a differently cased DOC', { type: 'DOC', content: [paragraph(text('x'))] }, 'errors.rich_text_invalid'],
    ['a document with no content', { type: 'doc' }, 'errors.rich_text_invalid'],
    ['a document with empty content', doc(), 'errors.rich_text_invalid'],
    // Nodes the extension list does not have (no images: they could identify people and load from elsewhere).
    ['an image with a foreign src', doc(paragraph(text('x')), { type: 'image', attrs: { src: 'https://tracker.example/pixel.png' } }), 'errors.rich_text_invalid'],
    ['an inline image', doc({ type: 'paragraph', content: [{ type: 'image', attrs: { src: 'https://tracker.example/pixel.png' } }] }), 'errors.rich_text_invalid'],
    ['a code block', doc({ type: 'codeBlock', content: [text('rm -rf /')] }), 'errors.rich_text_invalid'],
    ['a horizontal rule', doc({ type: 'horizontalRule' }), 'errors.rich_text_invalid'],
    ['a made-up script node', doc({ type: 'script', content: [text('alert(1)')] }), 'errors.rich_text_invalid'],
    ['raw HTML as a node', doc({ type: 'html', attrs: { html: '<script>alert(1)</script>' } }), 'errors.rich_text_invalid'],
    // Structure the schema forbids.
    ['text straight under doc', doc(text('x')), 'errors.rich_text_invalid'],
    ['a list item outside a list', doc({ type: 'listItem', content: [paragraph(text('x'))] }), 'errors.rich_text_invalid'],
    ['a heading inside a paragraph', doc({ type: 'paragraph', content: [{ type: 'heading', attrs: { level: 2 }, content: [text('x')] }] }), 'errors.rich_text_invalid'],
    ['an empty text node', doc(paragraph(text(''))), 'errors.rich_text_invalid'],
    ['a text node that is not a string', doc(paragraph({ type: 'text', text: 42 } as unknown as RichTextJson)), 'errors.rich_text_invalid'],
    // Attribute values the editor cannot produce.
    ['a level 1 heading (the page title is the h1)', doc({ type: 'heading', attrs: { level: 1 }, content: [text('x')] }), 'errors.rich_text_invalid'],
    ['a level 4 heading', doc({ type: 'heading', attrs: { level: 4 }, content: [text('x')] }), 'errors.rich_text_invalid'],
    ['a heading level that is markup', doc({ type: 'heading', attrs: { level: '<script>' }, content: [text('x')] }), 'errors.rich_text_invalid'],
    ['a list start that is markup', doc({ type: 'orderedList', attrs: { start: '1" onclick="alert(1)' }, content: [{ type: 'listItem', content: [paragraph(text('x'))] }] }), 'errors.rich_text_invalid'],
    // Marks the extension list does not have.
    ['a code mark', doc(paragraph(text('x', [{ type: 'code' }]))), 'errors.rich_text_invalid'],
    ['a strike mark', doc(paragraph(text('x', [{ type: 'strike' }]))), 'errors.rich_text_invalid'],
    ['an underline mark', doc(paragraph(text('x', [{ type: 'underline' }]))), 'errors.rich_text_invalid'],
    ['a text style mark carrying CSS', doc(paragraph(text('x', [{ type: 'textStyle', attrs: { style: 'background:url(https://tracker.example)' } }]))), 'errors.rich_text_invalid'],
    ['the same mark twice', doc(paragraph(text('x', [{ type: 'bold' }, { type: 'bold' }]))), 'errors.rich_text_invalid'],
    // Links that are not http(s) or mailto.
    ['a javascript: link', linked('javascript:alert(document.cookie)'), 'errors.rich_text_link'],
    ['a JavaScript: link in mixed case', linked('JaVaScRiPt:alert(1)'), 'errors.rich_text_link'],
    ['a javascript: link behind a space', linked('  javascript:alert(1)'), 'errors.rich_text_link'],
    ['a javascript: link split by a tab', linked('java\tscript:alert(1)'), 'errors.rich_text_link'],
    ['a javascript: link with an entity', linked('javascript&colon;alert(1)'), 'errors.rich_text_link'],
    ['a data: link', linked('data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='), 'errors.rich_text_link'],
    ['a vbscript: link', linked('vbscript:msgbox("x")'), 'errors.rich_text_link'],
    ['a file: link', linked('file:///etc/passwd'), 'errors.rich_text_link'],
    ['a relative link', linked('/case-studies/secret'), 'errors.rich_text_link'],
    ['a protocol-relative link', linked('//tracker.example/x'), 'errors.rich_text_link'],
    ['a link without href', linked(undefined), 'errors.rich_text_link'],
    ['a link whose href is not a string', linked({ toString: 'https://example.org' }), 'errors.rich_text_link'],
    ['a link longer than 2000 characters', linked(`https://example.org/${'a'.repeat(2000)}`), 'errors.rich_text_link'],
    // Size: the JSON is capped in bytes before parsing, the text in characters after.
    ['JSON over the byte cap with no text at all', doc(...Array.from({ length: Math.ceil(richTextLimits.maxJsonBytes / 20) + 1 }, () => paragraph())), 'errors.rich_text_too_large'],
    ['multi-byte text over the byte cap but under the character cap', doc(paragraph(text('é'.repeat(Math.floor(richTextLimits.maxJsonBytes / 2) + 1)))), 'errors.rich_text_too_large'],
    ['text over the character cap but under the byte cap', doc(paragraph(text('a'.repeat(richTextLimits.maxTextCharacters + 1)))), 'errors.rich_text_too_large'],
    ['text over the character cap spread over paragraphs', doc(...Array.from({ length: 61 }, () => paragraph(text('b'.repeat(1000))))), 'errors.rich_text_too_large'],
  ];

  it.each(cases)('%s', (_label, input, key) => {
    expect(refusalOf(input)).toBe(key);
  });

  it('sanity of the size cases: the multi-byte one is under the character cap', () => {
    expect(Math.floor(richTextLimits.maxJsonBytes / 2) + 1).toBeLessThan(richTextLimits.maxTextCharacters * 2);
    expect(Math.floor(richTextLimits.maxJsonBytes / 2) + 1).toBeGreaterThan(richTextLimits.maxTextCharacters);
  });

  it('every refusal key has an English and a French message', () => {
    const keys = new Set(cases.map(([, , key]) => key.replace(/^errors\./, '')));
    for (const key of keys) {
      expect((en as { errors: Record<string, string> }).errors[key], key).toBeTruthy();
      expect((fr as { errors: Record<string, string> }).errors[key], key).toBeTruthy();
    }
  });
});

describe('validateRichText accepts', () => {
  it('what the editor produces: paragraphs, headings 2 and 3, lists, a quote, bold and italic, line breaks', () => {
    const document = doc(
      { type: 'heading', attrs: { level: 2 }, content: [text('What we did')] },
      paragraph(text('Peers ran the centre '), text('every evening', [{ type: 'bold' }]), text(' and '), text('on weekends', [{ type: 'italic' }, { type: 'bold' }]), text('.')),
      { type: 'heading', attrs: { level: 3 }, content: [text('Steps')] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('Listen'))] }, { type: 'listItem', content: [paragraph(text('Adapt'))] }] },
      { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [paragraph(text('Third step'))] }] },
      { type: 'blockquote', content: [paragraph(text('« Nous avons été écoutés. »'))] },
      paragraph(text('First line'), { type: 'hardBreak' }, text('second line')),
      paragraph(),
    );
    const stored = validateRichText(document);
    expect(plainTextOf(stored)).toBe(['What we did', 'Peers ran the centre every evening and on weekends.', 'Steps', 'Listen', 'Adapt', 'Third step', '« Nous avons été écoutés. »', 'First line\nsecond line'].join('\n'));
    // The structure is kept as sent (the schema fills defaulted attributes).
    expect(stored.content!.map((node) => node.type)).toEqual(['heading', 'paragraph', 'heading', 'bulletList', 'orderedList', 'blockquote', 'paragraph', 'paragraph']);
    expect(stored.content![0]!.attrs).toMatchObject({ level: 2 });
    expect(stored.content![2]!.attrs).toMatchObject({ level: 3 });
    expect(stored.content![4]!.attrs).toMatchObject({ start: 3 });
    expect(stored.content![1]!.content![3]!.marks!.map((mark) => mark.type).sort()).toEqual(['bold', 'italic']);
    // Validating what was stored changes nothing: the stored form is a fixed point.
    expect(validateRichText(stored)).toEqual(stored);
  });

  it.each([['https://example.org/report?lang=fr#outcomes'], ['http://example.org'], ['mailto:contact@example.org']])('a %s link', (href) => {
    const stored = validateRichText(linked(href));
    expect(stored.content![0]!.content![0]!.marks).toEqual([{ type: 'link', attrs: { href, target: null, rel: 'noopener noreferrer nofollow', class: null } }]);
  });

  it('resets link attributes to ours: no target, class or handler survives, rel is fixed', () => {
    const stored = validateRichText(linked('https://example.org', { target: '_blank', class: 'button-primary', rel: 'opener', onclick: 'alert(1)', style: 'position:fixed' }));
    expect(stored).toEqual(doc(paragraph(text('a link', [{ type: 'link', attrs: { href: 'https://example.org', target: null, rel: 'noopener noreferrer nofollow', class: null } }]))));
  });

  it('drops attributes nodes and marks do not have', () => {
    const stored = validateRichText(doc({ type: 'paragraph', attrs: { onclick: 'alert(1)', style: 'color:red', textAlign: 'center' }, content: [text('x', [{ type: 'bold', attrs: { onmouseover: 'alert(1)' } }])] }));
    expect(stored).toEqual(doc(paragraph(text('x', [{ type: 'bold' }]))));
  });

  it('text up to the character cap', () => {
    const stored = validateRichText(doc(paragraph(text('a'.repeat(richTextLimits.maxTextCharacters)))));
    expect(plainTextOf(stored)).toHaveLength(richTextLimits.maxTextCharacters);
  });

  it('hostile-looking text as text: it is content, and stays exactly as typed', () => {
    const hostile = '<script>alert(1)</script> <img src=x onerror=alert(1)> "><svg onload=alert(1)>';
    expect(plainTextOf(validateRichText(doc(paragraph(text(hostile)))))).toBe(hostile);
  });
});

describe('renderRichText', () => {
  it('escapes hostile text content', () => {
    const cases: [string, string][] = [
      ['<script>alert(1)</script>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
      ['<img src=x onerror=alert(1)>', '<p>&lt;img src=x onerror=alert(1)&gt;</p>'],
      ['"><svg onload=alert(1)>', '<p>"&gt;&lt;svg onload=alert(1)&gt;</p>'],
    ];
    for (const [hostile, html] of cases) {
      const rendered = renderRichText(validateRichText(doc(paragraph(text(hostile)))));
      expect(rendered).toBe(html);
      expect(rendered).not.toMatch(/<(script|img|svg)/i);
    }
  });

  it('renders a stored link without target, class or handlers, even if an old row kept them', () => {
    // Written around the validator, as an older version or a hand edit could have.
    const stored = linked('https://example.org/page', { target: '_blank', onclick: 'alert(1)', class: 'x', rel: 'opener' }) as RichTextJson;
    expect(renderRichText(stored)).toBe('<p><a rel="noopener noreferrer nofollow" href="https://example.org/page">a link</a></p>');
  });

  it('drops the href of a stored javascript: link and escapes quotes in an href', () => {
    expect(renderRichText(linked('javascript:alert(1)') as RichTextJson)).toBe('<p><a rel="noopener noreferrer nofollow">a link</a></p>');
    const rendered = renderRichText(linked('https://example.org/"onmouseover="alert(1)') as RichTextJson);
    expect(rendered).not.toMatch(/"\s*onmouseover=/);
    expect(rendered).toContain('&quot;onmouseover=&quot;');
  });

  it('renders the allowed structure as plain HTML', () => {
    const stored = validateRichText(
      doc(
        { type: 'heading', attrs: { level: 3 }, content: [text('Title')] },
        { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [paragraph(text('a'))] }] },
        { type: 'blockquote', content: [paragraph(text('q', [{ type: 'bold' }, { type: 'italic' }]), { type: 'hardBreak' }, text('r'))] },
      ),
    );
    expect(renderRichText(stored)).toBe('<h3>Title</h3><ol start="3"><li><p>a</p></li></ol><blockquote><p><em><strong>q</strong></em><br />r</p></blockquote>');
  });

  it('shows nothing, rather than failing, for nothing or a row the schema does not know', () => {
    expect(renderRichText(null)).toBe('');
    expect(renderRichText(undefined)).toBe('');
    expect(renderRichText({ type: 'doc', content: [{ type: 'image', attrs: { src: 'https://tracker.example/pixel.png' } }] })).toBe('');
    // A level the editor cannot produce (an older row) is shown at a level the page allows.
    expect(renderRichText({ type: 'doc', content: [{ type: 'heading', attrs: { level: 1 }, content: [text('x')] }] })).toBe('<h2>x</h2>');
  });
});

describe('plainTextOf', () => {
  it('gives one line per paragraph, heading and list item; a hard break is a line break', () => {
    const content = doc(
      paragraph(text('One')),
      paragraph(text('Two '), text('bold', [{ type: 'bold' }])),
      { type: 'heading', attrs: { level: 2 }, content: [text('Three')] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('Four'))] }, { type: 'listItem', content: [paragraph(text('Five'))] }] },
      paragraph(text('Six'), { type: 'hardBreak' }, text('Seven')),
    ) as RichTextJson;
    expect(plainTextOf(content)).toBe('One\nTwo bold\nThree\nFour\nFive\nSix\nSeven');
  });

  it('collapses runs of empty paragraphs and trims the ends', () => {
    expect(plainTextOf(doc(paragraph(), paragraph(text('A')), paragraph(), paragraph(), paragraph(), paragraph(text('B')), paragraph()) as RichTextJson)).toBe('A\n\nB');
    expect(plainTextOf(doc(paragraph()) as RichTextJson)).toBe('');
    expect(plainTextOf(null)).toBe('');
  });

  it('counts words across lines', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  one\ntwo   three\n\n')).toBe(3);
  });
});
