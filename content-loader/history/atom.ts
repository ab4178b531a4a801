import { createHash } from 'node:crypto';
import { xml } from '../shared/xml.ts';
import type { TreeDiff } from './diff-trees.ts';
import type { VersionPair } from './pairs.ts';

export interface FeedOptions {
  pair: VersionPair;
  diff: TreeDiff;
  /**
   * A site-relative path as the feed links to it: absolute when the site's
   * origin is known ("/sys/a/" -> "https://host/base/sys/a/"), else under the
   * base path ("/base/sys/a/"), which readers resolve against the feed's own URL.
   */
  link: (path: string) => string;
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
 * interface, linking to its permalink. Ids are name-based UUIDs of the
 * permalink, the change and the pair: the same entry in every rebuild, and
 * on every host (Atom ids must be absolute, links need not be).
 */
export function atomFeed({ pair, diff, link, updated }: FeedOptions): string {
  const pageUrl = link(`/changes/${pair.slug}/`);
  const selfUrl = link('/changes/feed.xml');
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${xml(`Linux ABI changes ${pair.old} to ${pair.new}`)}</title>`,
    `  <id>${feedId(`/changes/${pair.slug}/`)}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(pageUrl)}"/>`,
    `  <updated>${xml(updated)}</updated>`,
    '  <author><name>ABI Atlas</name></author>',
  ];
  for (const [kind, verb] of KINDS) {
    for (const item of diff[kind]) {
      const detail = 'from' in item ? ` (${item.from} to ${item.to})` : 'level' in item ? ` [${item.level}]` : '';
      lines.push(
        '  <entry>',
        `    <title>${xml(`${item.what} ${verb} ${pair.new}${detail}`)}</title>`,
        `    <id>${feedId(`${item.url}#${kind}-${pair.slug}`)}</id>`,
        `    <link rel="alternate" type="text/html" href="${xml(link(item.url))}"/>`,
        `    <updated>${xml(updated)}</updated>`,
        `    <summary>${xml(`${item.what}: ${verb} linux ${pair.new} (compared with ${pair.old})${detail}.`)}</summary>`,
        '  </entry>',
      );
    }
  }
  lines.push('</feed>');
  return lines.join('\n') + '\n';
}

/**
 * A name-based (version 5) UUID URN for a site-relative name.
 * @example feedId('/changes/6.1...6.12/') // 'urn:uuid:…', the same on every build
 */
export function feedId(name: string): string {
  const bytes = createHash('sha1').update(FEED_NAMESPACE).update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// RFC 9562's URL namespace, as bytes: the names are URLs (site-relative ones).
const FEED_NAMESPACE = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');
