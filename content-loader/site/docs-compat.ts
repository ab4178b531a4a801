import { fileToUrl } from '../parse/permalink.ts';
import { LEVELS, type AbiEntry, type AbiFile, type Level } from '../types.ts';

/**
 * docs.kernel.org's ABI pages (`admin-guide/abi.html`, `abi-<level>.html`
 * and, in newer kernels, `abi-<level>-files.html`). A link to one of them
 * works here with only the host changed: each page has every anchor the
 * kernel's page had, leading to the interface or file it named.
 */
export interface DocsPage {
  /** The file name: "abi-testing.html". */
  name: string;
  kind: 'index' | 'symbols' | 'files';
  level?: Level;
}

export const DOCS_PAGES: readonly DocsPage[] = [
  { name: 'abi.html', kind: 'index' },
  ...LEVELS.flatMap((level): DocsPage[] => [
    { name: `abi-${level}.html`, kind: 'symbols', level },
    { name: `abi-${level}-files.html`, kind: 'files', level },
  ]),
];

/** One anchor of a docs page and where it leads. */
export interface DocsTarget {
  /** The HTML id docs.kernel.org gives it ("abi-sys-kernel-btf-vmlinux"). */
  anchor: string;
  /** The id 6.x's `get_abi.pl` gave the same entry, where it differs (`AbiEntry.perlAnchor`): old links land too. */
  perlAnchor?: string;
  /** What it names: an entry's first What, or a file's path under Documentation/ABI. */
  label: string;
  /** The site-relative URL of its page here. */
  url: string;
}

/** A version's entries and files, and where their anchors lead (each maps a bare URL to the page to use). */
export interface DocsSource {
  entries: readonly Pick<AbiEntry, 'anchor' | 'perlAnchor' | 'level' | 'symbols'>[];
  files: readonly Pick<AbiFile, 'anchor' | 'level' | 'path'>[];
  symbolUrl: (bareUrl: string) => string;
  fileUrl: (bareUrl: string) => string;
}

/**
 * The anchors of a docs page, in the order of the sources given (newest
 * first) and each anchor once, the first source that has it deciding where
 * it leads. For a versioned page (`/doc/html/v6.1/`) that is the one version;
 * for the unversioned ones, the newest and then every older version, so an
 * anchor from an older release (an entry that has since moved to another
 * level or is gone) still lands on its interface.
 */
export function docsTargets(page: DocsPage, sources: readonly DocsSource[]): DocsTarget[] {
  const targets: DocsTarget[] = [];
  const ids = new Set<string>();
  for (const source of sources) {
    const added: { target: DocsTarget; perlAnchor?: string }[] = [];
    const add = (anchor: string, label: string, url: string, perlAnchor?: string) => {
      if (ids.has(anchor)) return;
      ids.add(anchor);
      const target: DocsTarget = { anchor, label, url };
      targets.push(target);
      added.push({ target, ...(perlAnchor === undefined ? {} : { perlAnchor }) });
    };
    if (page.kind === 'symbols') {
      for (const e of source.entries) if (e.level === page.level && e.symbols[0]) add(e.anchor, e.symbols[0].what, source.symbolUrl(e.symbols[0].url), e.perlAnchor);
    } else if (page.kind === 'files') {
      for (const f of source.files) if (f.level === page.level) add(f.anchor, f.path, source.fileUrl(fileToUrl(f.path)));
    }
    // A version's get_abi.pl-era ids come after all its own anchors (one never takes
    // another entry's), and before any older version's: that page had them.
    for (const { target, perlAnchor } of added) {
      if (perlAnchor === undefined || ids.has(perlAnchor)) continue;
      ids.add(perlAnchor);
      target.perlAnchor = perlAnchor;
    }
  }
  return targets;
}
