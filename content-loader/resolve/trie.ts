/**
 * The path tree of all compiled Whats, walked with a concrete path.
 *
 * Each node is one What segment (by its written text), so Whats sharing a
 * prefix share nodes. A concrete segment finds literal children with one map
 * lookup and tests only the pattern children of the nodes it reaches, so a
 * query tests tens of regexes, not thousands.
 */
import { hasLiteralText, type CompiledWhat, type SegmentMatcher } from './compile-what.ts';

export interface TrieNode<T> {
  /** The What text up to and including this segment (`/sys/class/net/<iface>`); '' at the root. */
  prefix: string;
  matcher?: SegmentMatcher;
  /** Children by written segment text. */
  children: Map<string, TrieNode<T>>;
  /** Literal children by their matched value (escapes removed); several texts may share a value. */
  literal: Map<string, TrieNode<T>[]>;
  /** Pattern and multi-segment children, tested one by one. */
  wild: TrieNode<T>[];
  /** Whats ending here. */
  targets: T[];
  /**
   * False while the prefix ends in wildcards after a `...` (`/sys/.../<device>`):
   * such a prefix matches almost anything, so it is never a "documented prefix".
   */
  anchored: boolean;
}

export function newNode<T>(prefix: string, matcher?: SegmentMatcher): TrieNode<T> {
  return { prefix, matcher, children: new Map(), literal: new Map(), wild: [], targets: [], anchored: true };
}

/** Adds a compiled What, carrying `target`, to the tree. */
export function insert<T>(root: TrieNode<T>, compiled: CompiledWhat, target: T): void {
  let node = root;
  for (const segment of compiled.segments) {
    let child = node.children.get(segment.text);
    if (!child) {
      child = newNode<T>(`${node.prefix}/${segment.text}`, segment);
      child.anchored = segment.kind !== 'multi' && (node.anchored || hasLiteralText(segment));
      node.children.set(segment.text, child);
      if (segment.kind === 'literal') {
        const same = node.literal.get(segment.value);
        if (same) same.push(child);
        else node.literal.set(segment.value, [child]);
      } else node.wild.push(child);
    }
    node = child;
  }
  node.targets.push(target);
}

/** What a walk found: the Whats matching the whole path, and the deepest node reached. */
export interface WalkResult<T> {
  matches: Set<T>;
  /** Deepest node reached (most path segments consumed); literal routes win ties. */
  deepest?: { node: TrieNode<T>; depth: number };
}

/**
 * Walks the tree with a path's segments. `...` nodes consume one or more
 * segments, so every split is tried; the tree is shallow and `...` rare, so
 * this stays small.
 */
export function walk<T>(root: TrieNode<T>, segments: string[]): WalkResult<T> {
  const result: WalkResult<T> = { matches: new Set() };
  const visit = (node: TrieNode<T>, depth: number): void => {
    if (node !== root && node.anchored && (!result.deepest || depth > result.deepest.depth)) result.deepest = { node, depth };
    if (depth === segments.length) {
      for (const t of node.targets) result.matches.add(t);
      return;
    }
    const segment = segments[depth]!;
    for (const child of node.literal.get(segment) ?? []) visit(child, depth + 1);
    for (const child of node.wild) {
      const m = child.matcher!;
      if (m.kind === 'multi') {
        for (let end = depth + 1; end <= segments.length; end++) visit(child, end);
      } else if (m.kind === 'pattern' && m.regex.test(segment)) visit(child, depth + 1);
    }
  };
  visit(root, 0);
  return result;
}
