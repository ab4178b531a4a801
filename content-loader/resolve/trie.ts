/**
 * The path tree of all compiled Whats, walked with a path.
 *
 * Each node is one What segment (by its written text), so Whats sharing a
 * prefix share nodes. A concrete segment finds literal children with one map
 * lookup and tests only the pattern children of the nodes it reaches, so a
 * query tests tens of automata, not thousands.
 *
 * The walk is a breadth of states (node, segments consumed), each visited
 * once, so even Whats with several `...` cost at most nodes × segments
 * states, never a number of splits that grows with the path's length to
 * the power of the `...` count.
 */
import { hasLiteralText, type CompiledWhat, type SegmentMatcher } from './compile-what.ts';
import { nfaMatches, type SegmentNfa, type WorkMeter } from './segment-nfa.ts';
import type { CharRanges } from './segment-pattern.ts';

export interface TrieNode<T> {
  /** The What text up to and including this segment (`/sys/class/net/<iface>`); '' at the root. */
  prefix: string;
  matcher?: SegmentMatcher;
  parent?: TrieNode<T>;
  /** Children by written segment text. */
  children: Map<string, TrieNode<T>>;
  /** Literal children by their matched value (escapes removed); several texts may share a value. */
  literal: Map<string, TrieNode<T>[]>;
  /** Pattern children by the literal text their automaton starts with (`in_voltage` for `in_voltageY_raw`): a name tests only those its start fits. */
  patterns: Map<string, TrieNode<T>[]>;
  /** Length of the longest of those starts. */
  longestStart: number;
  /** `...` children. */
  multi: TrieNode<T>[];
  /** Identifies the node in a walk's visited set. */
  id: number;
  /** Whats ending here. */
  targets: T[];
  /** Whats ending here or below: among equally specific folders, the one documenting more is the better link. */
  count: number;
}

/** One segment of a walked path. */
export interface WalkSegment {
  /** As written: a concrete name is looked up among literal children by it. */
  text: string;
  /**
   * `concrete`: a real name (`eth0`); `placeholder`: a mention's pattern
   * (`zram<id>`, `<device>`), given as `witnesses`; `multi`: a mention's
   * whole `...`, which only a What's `...` covers.
   */
  kind: 'concrete' | 'placeholder' | 'multi';
  /** What a What segment must accept, every one of them: `[text]` for a concrete name. */
  witnesses: readonly string[];
  /**
   * True when any bare wildcard may take it at its word: an id with no
   * letters (`1234`, `0000:00:02.0`) or a bare placeholder (`<led>`, `$pid`).
   * A name (`meminfo`, `eth0`, `dieY`) may name something else entirely.
   */
  instance: boolean;
}

/** A path to walk, and the sets of the symbolic characters its witnesses use. */
export interface WalkInput {
  segments: readonly WalkSegment[];
  virtual?: readonly CharRanges[];
}

let nodes = 0;

export function newNode<T>(prefix: string, matcher?: SegmentMatcher, parent?: TrieNode<T>): TrieNode<T> {
  return { prefix, matcher, parent, children: new Map(), literal: new Map(), patterns: new Map(), longestStart: 0, multi: [], targets: [], count: 0, id: nodes++ };
}

/** Adds a compiled What, carrying `target`, to the tree. */
export function insert<T>(root: TrieNode<T>, compiled: CompiledWhat, target: T): void {
  let node = root;
  node.count++;
  for (const segment of compiled.segments) {
    let child = node.children.get(segment.text);
    if (!child) {
      child = newNode<T>(`${node.prefix}/${segment.text}`, segment, node);
      node.children.set(segment.text, child);
      if (segment.kind === 'literal') addTo(node.literal, segment.value, child);
      else if (segment.kind === 'multi') node.multi.push(child);
      else {
        addTo(node.patterns, segment.start, child);
        node.longestStart = Math.max(node.longestStart, segment.start.length);
      }
    }
    node = child;
    node.count++;
  }
  node.targets.push(target);
}

function addTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Concrete path segments (`['sys', 'class', 'net', 'eth0']`) as walk input. */
export function concreteInput(names: readonly string[]): WalkInput {
  return { segments: names.map(concreteSegment) };
}

export function concreteSegment(text: string): WalkSegment {
  return { text, kind: 'concrete', witnesses: [text], instance: !/[A-Za-z]/.test(text) };
}

/** What a walk found: the Whats matching the whole path, and the deepest documented folder on the way. */
export interface WalkResult<T> {
  matches: Set<T>;
  /**
   * The deepest node the path reaches through segments that surely belong
   * to it (see `walk`); among equally deep ones, the most specific segment by segment.
   */
  deepest?: { node: TrieNode<T>; depth: number };
}

interface WalkState<T> {
  node: TrieNode<T>;
  /** Path segments consumed. */
  depth: number;
  /** Set while the mention's `...` at `depth` is taking What segments (it has taken `node`). */
  absorbing: boolean;
  /** Set once a mention's `...` took What segments: from then on only segments with literal text may take the path's. */
  absorbed: boolean;
  /** The deepest node of this route that the path surely reaches, and its depth. */
  sure?: { node: TrieNode<T>; depth: number };
  /** True while the route runs through a `...`, or a bare wildcard took a plain word, with no literal text since. */
  doubtful: boolean;
}

/**
 * Walks the tree with a path's segments; every (node, depth) state is
 * visited once. A mention's whole `...` takes one or more What segments of
 * any kind (`/sys/devices/.../wakeup_count` reaches
 * `/sys/devices/.../power/wakeup_count`); a What's `...` takes one or more
 * path segments.
 *
 * Besides the full matches it finds the deepest folder the path surely lies
 * in: a bare wildcard (`*`, `<pid>`) that takes a name (`meminfo`,
 * `uncore_cha_2`, a mention's `dieY`) is sure only when a segment with
 * literal text matches below it, since the name may be something else
 * entirely (`/proc/meminfo` is not the process folder `/proc/*`); an id
 * (`1234`) or a mention's bare placeholder (`$pid`) is taken at its word. A
 * `...` is likewise sure only once literal text follows.
 */
export function walk<T>(root: TrieNode<T>, input: WalkInput, meter?: WorkMeter): WalkResult<T> {
  const { segments, virtual } = input;
  const result: WalkResult<T> = { matches: new Set() };
  const seen = new Set<number>();
  const stack: WalkState<T>[] = [{ node: root, depth: 0, absorbing: false, absorbed: false, doubtful: false }];
  let best: { node: TrieNode<T>; depth: number } | undefined;
  const visit = (state: WalkState<T>): void => {
    const key = ((state.node.id * (segments.length + 1) + state.depth) * 2 + Number(state.absorbing)) * 2 + Number(state.absorbed);
    if (seen.has(key)) return;
    seen.add(key);
    stack.push(state);
  };
  const push = (from: WalkState<T>, node: TrieNode<T>, depth: number, segment: WalkSegment): void => {
    visit(enter(from, node, depth, segment));
  };
  const absorb = (from: WalkState<T>): void => {
    for (const child of from.node.children.values()) visit({ node: child, depth: from.depth, absorbing: true, absorbed: true, sure: from.sure, doubtful: true });
  };
  while (stack.length > 0) {
    const state = stack.pop()!;
    if (meter) meter.steps++;
    const { node, depth } = state;
    if (state.sure && (!best || isBetterPrefix(state.sure, best))) best = state.sure;
    if (state.absorbing) {
      visit({ ...state, depth: depth + 1, absorbing: false });
      absorb(state);
      continue;
    }
    if (depth === segments.length) {
      for (const t of node.targets) result.matches.add(t);
      continue;
    }
    const segment = segments[depth]!;
    // After a mention's `...` took What segments, a wildcard taking the rest would be a guess on a guess.
    const wildcardsMayTake = !state.absorbed;
    // Inside a `...`: it may take this segment too.
    if (wildcardsMayTake && node.matcher?.kind === 'multi') push(state, node, depth + 1, segment);
    if (segment.kind === 'concrete') for (const child of node.literal.get(segment.text) ?? []) push(state, child, depth + 1, segment);
    if (wildcardsMayTake) for (const child of node.multi) push(state, child, depth + 1, segment);
    if (segment.kind === 'multi') {
      absorb(state);
      continue;
    }
    // Only the patterns whose literal start the name begins with (a witness's symbolic character never equals one).
    const first = segment.witnesses[0]!;
    for (let k = 0; k <= Math.min(first.length, node.longestStart); k++) {
      for (const child of node.patterns.get(first.slice(0, k)) ?? []) {
        const m = child.matcher as Extract<SegmentMatcher, { kind: 'pattern' }>;
        if ((wildcardsMayTake || m.literalChars > 0) && acceptsAll(m.nfa, segment.witnesses, virtual, meter)) push(state, child, depth + 1, segment);
      }
    }
  }
  if (best) result.deepest = best;
  return result;
}

function acceptsAll(nfa: SegmentNfa, witnesses: readonly string[], virtual: readonly CharRanges[] | undefined, meter: WorkMeter | undefined): boolean {
  for (const w of witnesses) if (!nfaMatches(nfa, w, virtual, meter)) return false;
  return true;
}

/** The state after `node` took `segment`. */
function enter<T>(from: WalkState<T>, node: TrieNode<T>, depth: number, segment: WalkSegment): WalkState<T> {
  const m = node.matcher!;
  const { absorbed } = from;
  if (m.kind === 'multi' || segment.kind === 'multi') return { node, depth, absorbing: false, absorbed, sure: from.sure, doubtful: true };
  if (hasLiteralText(m)) return { node, depth, absorbing: false, absorbed, sure: { node, depth }, doubtful: false };
  if (!segment.instance) return { node, depth, absorbing: false, absorbed, sure: from.sure, doubtful: true };
  return { node, depth, absorbing: false, absorbed, sure: from.doubtful ? from.sure : { node, depth }, doubtful: from.doubtful };
}

/** Deeper first; then the more specific route segment by segment; then the folder documenting more; then the What text, so the choice is deterministic. */
function isBetterPrefix<T>(a: { node: TrieNode<T>; depth: number }, b: { node: TrieNode<T>; depth: number }): boolean {
  if (a.depth !== b.depth) return a.depth > b.depth;
  if (a.node === b.node) return false;
  const ra = route(a.node);
  const rb = route(b.node);
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    const order = compareSegments(ra[i]!, rb[i]!);
    if (order !== 0) return order < 0;
  }
  if (a.node.count !== b.node.count) return a.node.count > b.node.count;
  return a.node.prefix < b.node.prefix;
}

/** The matchers from the root down to `node`. */
function route<T>(node: TrieNode<T>): SegmentMatcher[] {
  const out: SegmentMatcher[] = [];
  for (let n: TrieNode<T> | undefined = node; n?.matcher; n = n.parent) out.push(n.matcher);
  return out.reverse();
}

/** Negative when What segment `a` is the more specific: literal before pattern before `...`, more literal characters, fewer and narrower wildcards. */
function compareSegments(a: SegmentMatcher, b: SegmentMatcher): number {
  const kind = (m: SegmentMatcher) => (m.kind === 'literal' ? 0 : m.kind === 'pattern' ? 1 : 2);
  if (kind(a) !== kind(b)) return kind(a) - kind(b);
  if (a.kind !== 'pattern' || b.kind !== 'pattern') return 0;
  return b.literalChars - a.literalChars || a.wildcards - b.wildcards || a.breadth - b.breadth;
}
