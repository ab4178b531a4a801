/**
 * Paths crafted against each What to make a backtracking matcher slow: the
 * attack the issue found (`<busnum>-<port[.port]>...:<config num>-<interface num>`
 * against `a-a-a-...:a`), generalised to every wildcard segment of every
 * What. Shared by the adversarial test and `npm run bench`.
 */
import { compileWhat, isFailure, MAX_PATH_LENGTH } from '../../content-loader/resolve/index.ts';
import { compileFragment } from '../../content-loader/resolve/fragment.ts';
import { inRanges, type SegmentPattern } from '../../content-loader/resolve/segment-pattern.ts';

/** One wildcard segment of one What to attack, and the paths that attack it at a given length. */
export interface Attack {
  what: string;
  /** The What up to the attacked segment: Whats sharing it share the tree node, so one attack covers them all. */
  prefix: string;
  /**
   * Paths of about `length` characters whose other segments are names the
   * What accepts, and whose attacked segment repeats `a` plus each literal
   * character of that segment (`a-a.a:a-`...), once ending in `!` (no match)
   * and once not. A `...` becomes that many one-letter folders.
   */
  paths(length?: number): string[];
}

/** An attack on every wildcard segment of the Whats, one per tree node. */
export function attacks(whats: Iterable<string>): Attack[] {
  const out = new Map<string, Attack>();
  for (const what of whats) {
    const compiled = compileWhat(what);
    if (!compiled || isFailure(compiled)) continue;
    const samples = compiled.segments.map((s) => (s.kind === 'literal' ? s.value : s.kind === 'multi' ? 'a' : sampleOf(patternOf(s.text))));
    compiled.segments.forEach((segment, i) => {
      const prefix = '/' + compiled.segments.slice(0, i + 1).map((s) => s.text).join('/');
      if (segment.kind === 'literal' || out.has(prefix)) return;
      const unit = segment.kind === 'multi' ? 'a/' : 'a' + [...new Set(literalCharsOf(patternOf(segment.text)))].join('a');
      const paths = (length = MAX_PATH_LENGTH): string[] => {
        const base = samples.reduce((n, s, k) => (k === i ? n : n + 1 + s.length), 1);
        const repeated = unit.repeat(Math.max(1, Math.floor((length - base - 1) / unit.length)));
        if (segment.kind === 'multi') return [path(samples, i, repeated.slice(0, -1))];
        return [path(samples, i, repeated + '!'), path(samples, i, repeated)];
      };
      out.set(prefix, { what, prefix, paths });
    });
  }
  return [...out.values()];
}

function path(samples: readonly string[], at: number, attack: string): string {
  return '/' + samples.map((s, k) => (k === at ? attack : s)).join('/');
}

function patternOf(text: string): SegmentPattern {
  return compileFragment(text === '*' ? '<name>' : text).pattern;
}

/** A name the pattern accepts: the first option, one repetition, a letter or digit from each set. */
export function sampleOf(p: SegmentPattern): string {
  switch (p.type) {
    case 'text':
      return p.value;
    case 'chars':
      for (const ch of 'a1A') if (inRanges(p.ranges, ch.charCodeAt(0))) return ch;
      return String.fromCharCode(p.ranges[0]![0]);
    case 'seq':
      return p.items.map(sampleOf).join('');
    case 'alt':
      return sampleOf(p.options[0]!);
    case 'opt':
      return '';
    case 'repeat':
      return sampleOf(p.item);
  }
}

/** The literal characters of a pattern: the separators an attack repeats. */
export function literalCharsOf(p: SegmentPattern): string[] {
  switch (p.type) {
    case 'text':
      return [...p.value];
    case 'chars':
      return [];
    case 'seq':
      return p.items.flatMap(literalCharsOf);
    case 'alt':
      return p.options.flatMap(literalCharsOf);
    case 'opt':
    case 'repeat':
      return literalCharsOf(p.item);
  }
}
