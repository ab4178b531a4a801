import type { TreeDiff } from './diff-trees.ts';
import type { VersionPair } from './pairs.ts';

export interface FeedOptions {
  pair: VersionPair;
  diff: TreeDiff;
  /** Absolute URL of a site-relative path ("/sys/a/" -> "https://host/base/sys/a/"). */
  absolute: (path: string) => string;
  /** RFC 3339 time stamp of the feed; the caller fixes it so builds are reproducible. */
  updated: string;
}

const KINDS = [
  ['added', 'added in'],
  ['removed', 'removed in'],
  ['moved', 'changed level in'],
  ['changed', 'description changed in'],
] as const;

/**
 * An Atom 1.0 feed of one version pair's changes: one entry per changed
 * interface, linking to its permalink. Ids are built from the permalink and
 * the pair, so a feed reader sees the same entry in every rebuild.
 */
export function atomFeed({ pair, diff, absolute, updated }: FeedOptions): string {
  const pageUrl = absolute(`/changes/${pair.slug}/`);
  const selfUrl = absolute('/changes/feed.xml');
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${xml(`Linux ABI changes ${pair.old} to ${pair.new}`)}</title>`,
    `  <id>${xml(pageUrl)}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(pageUrl)}"/>`,
    `  <updated>${xml(updated)}</updated>`,
    '  <author><name>ABI Atlas</name></author>',
  ];
  for (const [kind, verb] of KINDS) {
    for (const item of diff[kind]) {
      const detail = 'from' in item ? ` (${item.from} to ${item.to})` : 'level' in item ? ` [${item.level}]` : '';
      const link = absolute(item.url);
      lines.push(
        '  <entry>',
        `    <title>${xml(`${item.what} ${verb} ${pair.new}${detail}`)}</title>`,
        `    <id>${xml(`${link}#${kind}-${pair.slug}`)}</id>`,
        `    <link rel="alternate" type="text/html" href="${xml(link)}"/>`,
        `    <updated>${xml(updated)}</updated>`,
        `    <summary>${xml(`${item.what}: ${verb} linux ${pair.new} (compared with ${pair.old})${detail}.`)}</summary>`,
        '  </entry>',
      );
    }
  }
  lines.push('</feed>');
  return lines.join('\n') + '\n';
}

/** Escapes text for XML content and attributes; drops characters XML 1.0 forbids. */
export function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
