/**
 * Matching a What to the code that creates its file. Candidates come from
 * the name (the What's last segment, wildcards as patterns; IIO channel
 * names by their attribute suffix), and are ranked by what else the What
 * says: its path (`/sys/class/net/` -> `net/`), its ABI file's name
 * (`sysfs-bus-iio-adc-max11410` -> `drivers/iio/adc/max11410.c`), its
 * Contact and Users against MAINTAINERS, the folder the code puts the file
 * in, and how many of the ABI file's other names the same source file
 * creates. A name found only in unrelated code is "not found", not a guess.
 */
import { basename } from 'node:path';
import { buildSiteLookup, namesMatching, type SiteLookup } from './site-lookup.ts';
import { mailAddresses, type MaintainersIndex } from './maintainers.ts';
import { tokens, whatFs, whatShape, type WhatShape } from './what-shape.ts';
import { iioSuffixes } from './iio-channel.ts';
import { compileWhat, isFailure } from '../resolve/index.ts';
import { compareText } from '../shared/compare.ts';
import { segmentAccepts, type SegmentMatcher } from '../resolve/index.ts';
import type { AbiEntry } from '../types.ts';
import type { SiteKind, SourceIndex, SourceSite } from './types.ts';

/** One ranked answer: where the file is created, and the evidence that ranked it. */
export interface SourceCandidate {
  /** Relative to the kernel root. */
  file: string;
  line: number;
  /** The name as the code writes it. */
  symbol: string;
  /** The macro, function or table entry that creates it. */
  how: string;
  kind: SiteKind;
  /** How it was found: the name first, then each piece of context (`path: net`, `MAINTAINERS: NETWORKING [GENERAL]`). */
  found: string[];
  score: number;
}

/** What the ABI entry documenting a What adds: its file (relative to Documentation/ABI), Contact and Users. */
export interface WhatContext {
  abiFile?: string;
  contact?: string;
  users?: string;
}

/** Candidates returned per What at most. */
export const MAX_CANDIDATES = 5;

const KIND_WEIGHT: Record<SiteKind, number> = { macro: 3, call: 3, param: 3, struct: 2.5, table: 2, template: 2, group: 1.5, function: 1 };
// ABI file names say which kind of file, not which code.
const ABI_FILE_GENERIC = new Set(['sysfs', 'debugfs', 'procfs', 'configfs', 'bus', 'class', 'devices', 'device', 'driver', 'drivers', 'platform', 'kernel', 'testing', 'stable', 'obsolete', 'removed', 'fs']);

/** The source side of matching, built once per index (and per ABI tree, for the co-location evidence). */
export class SourceMatcher {
  private readonly lookup: SiteLookup;
  private readonly maintainers: MaintainersIndex | undefined;
  /** ABI file -> lower-case name -> the file's Whats (by number) it can be. */
  private readonly abiNames = new Map<string, Map<string, number[]>>();
  private readonly colocated = new Map<string, number>();
  // Matching is pure, and a build asks twice per What (its page, then coverage).
  private readonly claimed = new Map<string, SourceCandidate[]>();
  private readonly named = new Map<string, Map<string, string>>();

  constructor(index: SourceIndex, maintainers?: MaintainersIndex, entries: readonly AbiEntry[] = []) {
    this.lookup = buildSiteLookup(index);
    this.maintainers = maintainers;
    let whatNumber = 0;
    for (const entry of entries) {
      let names = this.abiNames.get(entry.file);
      if (!names) this.abiNames.set(entry.file, (names = new Map()));
      for (const symbol of entry.symbols) {
        const shape = whatShape(symbol.what);
        whatNumber++;
        if (!shape) continue;
        for (const name of this.names(shape, entry.file).keys()) {
          const list = names.get(name);
          if (list) list.push(whatNumber);
          else names.set(name, [whatNumber]);
        }
      }
    }
  }

  /** The ranked candidates for a What, one per source file; empty when nothing fits (not found). */
  match(what: string, context: WhatContext = {}): SourceCandidate[] {
    const byFile = new Map<string, SourceCandidate>();
    for (const c of this.claims(what, context)) {
      const best = byFile.get(c.file);
      if (!best || c.score > best.score || (c.score === best.score && c.line < best.line)) byFile.set(c.file, c);
    }
    return [...byFile.values()].sort(byRank).slice(0, MAX_CANDIDATES);
  }

  /** Every site the What can document, scored (unranked, several per file): what coverage counts as documented. */
  claims(what: string, context: WhatContext = {}): SourceCandidate[] {
    const key = `${what}\0${context.abiFile ?? ''}\0${context.contact ?? ''}\0${context.users ?? ''}`;
    let known = this.claimed.get(key);
    if (!known) this.claimed.set(key, (known = this.score(what, context)));
    return known;
  }

  private score(what: string, context: WhatContext): SourceCandidate[] {
    const shape = whatShape(what);
    if (!shape) return [];
    const abiWords = context.abiFile ? tokens(basename(context.abiFile)).filter((w) => !ABI_FILE_GENERIC.has(w)) : [];
    const mails = this.contactEntries(`${context.contact ?? ''}\n${context.users ?? ''}`);
    const exact = shape.name.kind === 'literal' ? shape.name.value : undefined;
    const out: SourceCandidate[] = [];
    for (const [name, via] of this.names(shape, context.abiFile)) {
      const only = (this.lookup.fileCount.get(name) ?? 0) === 1;
      for (const site of this.lookup.byName.get(name) ?? []) {
        if (!fits(site, shape)) continue;
        const found = [via === 'name' ? `name ${site.name}` : `IIO attribute ${site.name} of ${via}`];
        const evidence = (score: number, text: string) => {
          if (score > 0) found.push(text);
          return score;
        };
        const fileTokens = new Set(tokens(site.file));
        const pathHits = shape.pathWords.filter((w) => hasToken(fileTokens, w)).slice(0, 3);
        // The folder a file sits in is named by the code that makes it: a word of the parent segment counts twice.
        const parentHits = pathHits.filter((w) => shape.parentWords.includes(w));
        const holderHits = shape.holderWords.filter((w) => hasToken(fileTokens, w)).slice(0, 2);
        const parentHolderHits = shape.parentHolderWords.filter((w) => hasToken(fileTokens, w)).slice(0, 2);
        const abiHits = abiWords.filter((w) => hasToken(fileTokens, w)).slice(0, 3);
        const owner = this.maintainerHit(site.file, mails);
        const dir = dirAgreement(site, shape.parent);
        const parentMade = this.createsParent(site, shape.parent);
        const together = context.abiFile ? this.colocation(context.abiFile, site.file) : 0;
        const weigh = (hits: string[], each: number) => hits.reduce((n, w) => n + each * this.specificity(w), 0);
        let score =
          evidence(weigh(pathHits, 1.5) + weigh(parentHits, 1.5), `path: ${pathHits.join(', ')}`) +
          evidence(weigh(holderHits, 0.75) + weigh(parentHolderHits, 1.5), `path wildcard: ${[...parentHolderHits, ...holderHits].join(', ')}`) +
          evidence(weigh(abiHits, 1.5), `ABI file: ${abiHits.join(', ')}`) +
          evidence(owner ? 2 * owner.weight : 0, `MAINTAINERS: ${owner?.name} (${owner?.mail})`) +
          evidence(dir, `in folder ${site.dir}`) +
          evidence(parentMade ? 3 : 0, `creates the folder ${shape.parent?.text}`) +
          // The code that creates most of what an ABI file documents is where its names come from (a core beats a driver).
          evidence(Math.log2(1 + together), `creates ${together} more name${together > 1 ? 's' : ''} of ${context.abiFile}`);
        if (dir < 0) score += dir;
        if (via !== 'name') {
          // An IIO channel attribute: the file that also names its other parts (`thresh`, `rising` of `..._thresh_rising_en`).
          const parts = shape.nameWords.filter((w) => w !== name && this.lookup.namesByFile.get(site.file)?.has(w));
          score += evidence(Math.min(3, parts.length), `names ${parts.join(', ')}`);
        }
        // A template (`fan%d_input`) makes every file a numbered What (`fanY_input`) stands for; `fan1_input` is one of them.
        if (shape.name.kind === 'pattern' && site.name.includes('%')) score += evidence(1.5, `template ${site.name}`);
        // The name alone is evidence only when one file creates it.
        if (score < 2 && !(only && dir >= 0)) continue;
        score += KIND_WEIGHT[site.kind] + (exact !== undefined && site.name === exact ? 0.5 : 0);
        out.push({ file: site.file, line: site.line, symbol: site.name, how: site.how, kind: site.kind, found, score: round(score) });
      }
    }
    return out;
  }

  /**
   * The sites a What documents as a folder: every file the code puts in the
   * folder a What names (`.../format`, `.../format/`) or lists with a
   * wildcard (`.../events/<event>`). The folder's name must be literal and
   * the path specific (three literal segments or more).
   */
  folderClaims(what: string): SourceSite[] {
    const compiled = compileWhat(what);
    if (!compiled || isFailure(compiled)) return [];
    const fs = whatFs(compiled.what);
    const segments = compiled.segments;
    const last = segments.at(-1);
    if (!fs || !last || compiled.literalSegments < 3) return [];
    const folder = last.kind === 'literal' ? last : segments.at(-2);
    if (!folder || folder.kind !== 'literal' || (last.kind === 'literal' && last !== folder)) return [];
    if (last.kind === 'pattern' && last.literalChars > 0) return [];
    return (this.lookup.byDir.get(folder.value) ?? []).filter((site) => site.fs === fs);
  }

  /**
   * How much a word shared by a What and a source path says: `cxgb4` or
   * `xen` name a driver, `net` or `cpu` half the tree (inverse document
   * frequency over the files with sites, scaled to 0.4–1.6).
   */
  private specificity(word: string): number {
    const idf = Math.log(this.lookup.files / (1 + (this.lookup.tokenFiles.get(word) ?? 0)));
    return Math.min(1.6, Math.max(0.4, idf / 4.5));
  }

  /** The index names a What's last segment can be, with how: `name`, or the IIO channel it is an attribute of. */
  private names(shape: WhatShape, abiFile?: string): Map<string, string> {
    const key = `${shape.name.text}\0${shape.pathWords.join('/')}\0${abiFile ?? ''}`;
    const known = this.named.get(key);
    if (known) return known;
    const found = new Map<string, string>();
    this.named.set(key, found);
    for (const name of namesMatching(this.lookup, shape.name, shape.nameWords)) found.set(name, 'name');
    for (const [name, channel] of iioSuffixes(shape, abiFile)) if (!found.has(name) && this.lookup.byName.has(name)) found.set(name, channel);
    return found;
  }

  /** MAINTAINERS entries of the addresses in Contact/Users, each with how specific the address is. */
  private contactEntries(text: string): Map<number, { mail: string; weight: number }> {
    const out = new Map<number, { mail: string; weight: number }>();
    if (!this.maintainers) return out;
    for (const mail of mailAddresses(text)) {
      const entries = this.maintainers.entriesOf(mail);
      // A personal address names its code; a list shared by hundreds of entries (linux-kernel@) names nothing.
      const weight = entries.length <= 3 ? 1 : entries.length <= 30 ? 0.75 : entries.length <= 60 ? 0.5 : 0;
      for (const e of entries) if (weight > (out.get(e)?.weight ?? 0)) out.set(e, { mail, weight });
    }
    return out;
  }

  private maintainerHit(file: string, mails: Map<number, { mail: string; weight: number }>): { name: string; mail: string; weight: number } | undefined {
    if (!this.maintainers || mails.size === 0) return undefined;
    let best: { name: string; mail: string; weight: number } | undefined;
    for (const { entry, depth } of this.maintainers.matches(file)) {
      if (depth < 0) continue; // THE REST: every file
      const hit = mails.get(entry);
      if (hit && hit.weight > (best?.weight ?? 0)) best = { name: this.maintainers.entries[entry]!.name, ...hit };
    }
    return best;
  }

  /** True when the site's file also creates a file or folder named like the What's parent segment (`qm` of `.../qm/regs`). */
  private createsParent(site: SourceSite, parent: SegmentMatcher | undefined): boolean {
    if (!parent || parent.kind === 'multi') return false;
    const names = this.lookup.namesByFile.get(site.file);
    if (!names) return false;
    if (parent.kind === 'literal') return names.has(parent.value.toLowerCase());
    // A numbered folder (`cluster[0-3]`) is made from a template (`cluster%d`); a wildcard would accept any name.
    if (parent.literalChars === 0) return false;
    for (const n of names) if (n.includes('%') && segmentAccepts(parent, n.replace(/%\d*l*[dui]/g, '0'))) return true;
    return false;
  }

  /** How many other Whats of an ABI file a source file also creates (each What once, however many names match it). */
  private colocation(abiFile: string, file: string): number {
    const key = `${abiFile}\0${file}`;
    let n = this.colocated.get(key);
    if (n === undefined) {
      const documented = this.abiNames.get(abiFile);
      const created = this.lookup.namesByFile.get(file);
      const whats = new Set<number>();
      let names = 0;
      if (documented && created) {
        for (const name of created) {
          const list = documented.get(name);
          if (!list) continue;
          names++;
          for (const w of list) whats.add(w);
        }
      }
      // Neither many names for one What (`in0_input` … `in20_input` for `inY_input`) nor one name for
      // many Whats (`scale` of every IIO channel) counts more than once; the What being matched is one of them.
      n = Math.max(0, Math.min(names, whats.size) - 1);
      this.colocated.set(key, n);
    }
    return n;
  }
}

/** A site can create a What's file when the filesystems agree (and module parameters only under `parameters/`). */
function fits(site: SourceSite, shape: WhatShape): boolean {
  if (site.fs !== shape.fs) return false;
  if (site.kind === 'param') return shape.parent?.kind === 'literal' && shape.parent.value === 'parameters';
  return true;
}

/**
 * True when a path has the word, its singular or plural (`leds` for `led`),
 * or a word one starts the other with (`huge` of `hugepage`, `cache` of `cacheinfo`).
 */
function hasToken(fileTokens: ReadonlySet<string>, word: string): boolean {
  if (fileTokens.has(word) || fileTokens.has(`${word}s`) || (word.endsWith('s') && fileTokens.has(word.slice(0, -1)))) return true;
  if (word.length < 4) return false;
  for (const t of fileTokens) if (t.length >= 4 && (word.startsWith(t) || t.startsWith(word))) return true;
  return false;
}

/** +3 when the code puts the file in the What's parent folder, -4 when in another one, 0 when either is unknown. */
function dirAgreement(site: SourceSite, parent: SegmentMatcher | undefined): number {
  if (!site.dir || !parent || parent.kind === 'multi') return 0;
  const dir = site.dir.slice(site.dir.lastIndexOf('/') + 1);
  const agrees = segmentAccepts(parent, dir);
  return agrees ? 3 : -4;
}

/** Best score first; then file and line, so equal scores come out the same in every run. */
function byRank(a: SourceCandidate, b: SourceCandidate): number {
  return b.score - a.score || compareText(a.file, b.file) || a.line - b.line;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
