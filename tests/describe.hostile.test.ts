import { describe as suite, expect, it } from 'vitest';
import { describe as describeText } from '../content-loader/describe/index.ts';

/** Each input must render with its markup shown as text, never as markup. */
const hostile: Record<string, string> = {
  script: '<script>alert(1)</script>',
  'img onerror': '<img src=x onerror=alert(1)>',
  iframe: '<iframe src="https://evil.example/"></iframe>',
  'javascript url': 'Click javascript:alert(1) or <a href="javascript:alert(1)">here</a>',
  'script in list': '- <script>alert(1)</script>\n- two',
  'script in table': '=====  ======\n<b>    <script>x</script>\n=====  ======',
  'script in grid table': '+----------+------------------+\n| <iframe> | <img onerror=x>  |\n+----------+------------------+',
  'script in spanned grid cell': '+----------+---------+\n| <script>x</script> |\n+----------+---------+\n| a        | <b>     |\n+----------+---------+',
  'script in literal': 'Example::\n\n    <script>alert(1)</script>',
  'script in inline code': 'Run ``<script>alert(1)</script>`` now.',
  'script in emphasis': 'A *<script>alert(1)</script>* b **<iframe>**',
  'script in heading': '<script>alert(1)</script>\n--------------------------',
  'script in field': 'Values:   <img src=x onerror=alert(1)>',
  'script in definition': '<iframe>\n    <script>alert(1)</script>',
  'script in role': ':ref:`<script>alert(1)</script> <target>`',
  'url with quote': 'See https://example.org/"><script>alert(1)</script>',
  'path with markup': 'See /sys/class/<script>alert(1)</script>/x.',
  'mail with markup': 'Mail x@example.org<script>alert(1)</script>',
  'script in admonition': '.. note:: <script>alert(1)</script>\n\n   <img src=x onerror=alert(1)>',
  'script as admonition title': '.. admonition:: <script>alert(1)</script>\n\n   body',
  'markup as directive name': '.. <script>alert(1)</script>:: x\n\n.. note" onclick="alert(1)::\n   body',
  'class from a directive name': '.. admonition x" onclick="y:: t\n\n.. evil-class:: <b>',
  'script in comment': '.. <script>alert(1)</script>\n   <iframe src=x>',
  'directive named after an Object property': '.. constructor:: <b>x</b>\n\n.. __proto__:: y\n\n.. toString::',
};

const ALLOWED_TAGS = new Set(['p', 'br', 'pre', 'code', 'em', 'strong', 'a', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'h4', 'hr', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'div']);
/** The only classes a description may carry: the admonitions' own. */
const ADMONITION_CLASS = /^(admonition( (attention|caution|danger|error|hint|important|note|tip|warning|seealso))?|admonition-title)$/;

/**
 * Every '<' left unescaped opens a tag we make ourselves; text '<' is
 * escaped. So check each real tag: known name, and only safe attributes.
 */
function assertInert(html: string): void {
  expect(html).not.toMatch(/<(script|iframe|img)/i);
  for (const [tag, name, attributes] of html.matchAll(/<\/?([a-z0-9]+)([^>]*)>/gi)) {
    expect(ALLOWED_TAGS.has(name!.toLowerCase()), tag).toBe(true);
    const classes = /\sclass="([^"]*)"/.exec(attributes!);
    if (classes) expect(classes[1], tag).toMatch(ADMONITION_CLASS);
    const rest = attributes!.replace(/\s(href="(https?:|mailto:|\/)[^"<>]*"|start="\d+"|type="[1aAiI]"|(colspan|rowspan)="\d+"|class="[^"]*")/g, '').trim();
    expect(rest === '' || rest === '/', tag).toBe(true);
  }
}

/** Comments, which Sphinx drops with their text: here nothing of them may show. */
const comments = new Set(['markup as directive name', 'script in comment']);

suite('describe on hostile input', () => {
  for (const [name, input] of Object.entries(hostile)) {
    it(`keeps ${name} as text`, () => {
      const { html, sectionTitle } = describeText(input, { resolveMention: (path) => `${path}/` });
      assertInert(html);
      if (comments.has(name)) expect(html).toBe('');
      // The text itself survives, escaped (a closing title as plain text, which the page escapes).
      else if (input.includes('<script>')) expect(html.includes('&#x3C;script>') || sectionTitle?.includes('<script>')).toBe(true);
    });
  }

  it('drops links whose resolver returns a javascript: URL', () => {
    const { html } = describeText('See /sys/foo and Documentation/ABI/testing/x.', {
      resolveMention: () => 'javascript:alert(1)',
      fileUrl: () => 'data:text/html,<script>alert(1)</script>',
    });
    expect(html).not.toMatch(/href="(javascript|data):/);
    expect(html).toContain('/sys/foo');
  });

  it('keeps site-relative, https and mailto links', () => {
    const { html } = describeText('See /sys/foo, https://kernel.org/ and a@b.org.', { resolveMention: () => '/sys/foo/' });
    expect(html).toContain('<a href="/sys/foo/">/sys/foo</a>');
    expect(html).toContain('<a href="https://kernel.org/">https://kernel.org/</a>');
    expect(html).toContain('<a href="mailto:a@b.org">a@b.org</a>');
  });

  it('never links to the page itself', () => {
    const { html, stats } = describeText('This is /sys/foo.', { resolveMention: () => '/sys/foo/', selfUrls: ['/sys/foo/'] });
    expect(html).not.toContain('<a');
    expect(stats.links).toBe(0);
    expect(stats.unresolvedMentions).toEqual([]);
  });
});
