/**
 * A segment pattern as a Thompson automaton, matched by simulating every
 * state at once: O(input length × states), whatever the pattern or the
 * input, where a backtracking regex takes polynomial or exponential time on
 * `<a>-<b>...:<c>` against `a-a-a-...`.
 *
 * Symbolic characters let a mention written as a pattern (`zram<id>`) be
 * tested against a What: a code unit from `VIRTUAL_BASE` on stands for "any
 * character of this set" and is accepted only where the What accepts every
 * character of the set (see `mention-segments.ts`).
 */
import { inRanges, isSingle, literalStart, NAME_CHARS, rangesWithin, sameRanges, type CharRanges, type SegmentPattern } from './segment-pattern.ts';

/** Counts the work of matching (automaton states visited per character, trie states): a deterministic measure of cost for tests and benches. */
export interface WorkMeter {
  steps: number;
}

/** First code unit of the symbolic characters (Unicode's private use area). */
export const VIRTUAL_BASE = 0xe000;
/** Symbolic characters one table can hold. */
export const VIRTUAL_LIMIT = 0x1000;

const MATCH = 0;
const CHAR = 1;
const SPLIT = 2;
const ANY_NAME_CHAR = -2;
const SLASH = 0x2f;

export interface SegmentNfa {
  start: number;
  /** Per state: MATCH (state 0 only), CHAR or SPLIT. */
  kinds: Uint8Array;
  /** Per CHAR state: the characters it accepts. */
  sets: readonly (CharRanges | undefined)[];
  /** Per state: the next states (one for CHAR, any number for SPLIT). */
  outs: readonly (readonly number[])[];
  /** Per CHAR state, for the common cases: the one code unit it accepts, or ANY_NAME_CHAR, else -1. */
  single: Int32Array;
  /** Text every match starts and ends with: a quick test that rejects most names before the automaton runs. */
  prefix: string;
  suffix: string;
  /** When the pattern is just `prefix`, any name of at least this many characters, `suffix` (`<iface>`, `hwmon*`, `<port>-partner`): no automaton needed. */
  nameBetween?: number;
  /** Scratch for `nfaMatches`: per state, the step that last added it (see there). */
  mark: Int32Array;
  step: number;
}

/** Builds the automaton; each pattern node adds at most one state, so its size is linear in the pattern. */
export function compileNfa(pattern: SegmentPattern): SegmentNfa {
  const kinds: number[] = [MATCH];
  const sets: (CharRanges | undefined)[] = [undefined];
  const outs: number[][] = [[]];
  const add = (kind: number, set: CharRanges | undefined, out: number[]): number => {
    kinds.push(kind);
    sets.push(set);
    outs.push(out);
    return kinds.length - 1;
  };
  // Built back to front: each node is given the state that follows it.
  const build = (p: SegmentPattern, next: number): number => {
    switch (p.type) {
      case 'text': {
        let start = next;
        for (let i = p.value.length - 1; i >= 0; i--) {
          const code = p.value.charCodeAt(i);
          start = add(CHAR, [[code, code]], [start]);
        }
        return start;
      }
      case 'chars':
        return add(CHAR, p.ranges, [next]);
      case 'seq': {
        let start = next;
        for (let i = p.items.length - 1; i >= 0; i--) start = build(p.items[i]!, start);
        return start;
      }
      case 'alt':
        return add(SPLIT, undefined, p.options.map((o) => build(o, next)));
      case 'opt':
        return add(SPLIT, undefined, [build(p.item, next), next]);
      case 'repeat': {
        const loop = add(SPLIT, undefined, []);
        outs[loop] = [build(p.item, loop), next];
        return p.min === 1 ? outs[loop]![0]! : loop;
      }
    }
  };
  const start = build(pattern, MATCH);
  const items = pattern.type === 'seq' ? pattern.items : [pattern];
  const last = items[items.length - 1]!;
  const prefix = literalStart(pattern);
  const suffix = last.type === 'text' && items.length > 1 ? last.value : '';
  const middle = items.slice(prefix ? 1 : 0, items.length - (suffix ? 1 : 0));
  const only = middle.length === 1 ? middle[0]! : undefined;
  const nameBetween = only?.type === 'repeat' && only.item.type === 'chars' && sameRanges(only.item.ranges, NAME_CHARS) ? only.min : undefined;
  const single = Int32Array.from(sets, (set) => (set && isSingle(set) ? set[0]![0] : set && sameRanges(set, NAME_CHARS) ? ANY_NAME_CHAR : -1));
  return { start, kinds: Uint8Array.from(kinds), sets, outs, single, prefix, suffix, ...(nameBetween === undefined ? {} : { nameBetween }), mark: new Int32Array(kinds.length).fill(-1), step: 0 };
}

// Reused between calls (matching never nests), so a test allocates nothing.
const stack: number[] = [];
let current: number[] = [];
let next: number[] = [];

/**
 * True when the automaton accepts the whole input. `virtual` maps symbolic
 * characters (`VIRTUAL_BASE + i`) to their sets; without it every code unit
 * is itself.
 */
export function nfaMatches(nfa: SegmentNfa, input: string, virtual?: readonly CharRanges[], meter?: WorkMeter): boolean {
  if (meter) meter.steps++;
  // A symbolic character never stands for one fixed character, so these tests hold for witnesses too.
  if (!input.startsWith(nfa.prefix) || !input.endsWith(nfa.suffix) || input.length < nfa.prefix.length + nfa.suffix.length) return false;
  // Segments hold no `/`, so any name fits between; a symbolic character stands for name characters too.
  if (nfa.nameBetween !== undefined) return input.length - nfa.prefix.length - nfa.suffix.length >= nfa.nameBetween;
  const { kinds, sets, outs, mark, single } = nfa;
  // mark[s] is the step whose state list already holds s: each state is added once per input position.
  if (nfa.step > 0x3fffffff - input.length) {
    mark.fill(-1);
    nfa.step = 0;
  }
  const first = nfa.step;
  nfa.step += input.length + 1;
  current.length = 0;
  addClosure(nfa, nfa.start, first, current);
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    const symbolic = virtual && code >= VIRTUAL_BASE && code - VIRTUAL_BASE < virtual.length ? virtual[code - VIRTUAL_BASE] : undefined;
    next.length = 0;
    for (let k = 0; k < current.length; k++) {
      const s = current[k]!;
      if (kinds[s] !== CHAR) continue;
      const only = single[s]!;
      const accepted = symbolic ? rangesWithin(symbolic, sets[s]!) : only >= 0 ? code === only : only === ANY_NAME_CHAR ? code !== SLASH : inRanges(sets[s]!, code);
      if (accepted) addClosure(nfa, outs[s]![0]!, first + i + 1, next);
    }
    if (meter) meter.steps += current.length;
    const swap = current;
    current = next;
    next = swap;
    if (current.length === 0) return false;
  }
  return mark[MATCH] === first + input.length;
}

/** Adds `state` and every state its empty moves reach to `list`, once per step. */
function addClosure(nfa: SegmentNfa, state: number, step: number, list: number[]): void {
  const { kinds, outs, mark } = nfa;
  stack.push(state);
  while (stack.length > 0) {
    const s = stack.pop()!;
    if (mark[s] === step) continue;
    mark[s] = step;
    if (kinds[s] === SPLIT) for (const o of outs[s]!) stack.push(o);
    else list.push(s);
  }
}
