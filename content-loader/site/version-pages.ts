import { fileToUrl } from '../parse/permalink.ts';
import { compareText } from '../shared/compare.ts';
import { LEVELS, type AbiFile } from '../types.ts';
import { NON_PATH_URL, type SiteModel } from './site-model.ts';

/**
 * The pages one kernel version has, as site-relative URLs in code-point
 * order: home, the level pages, a page per file, per symbol and per path
 * prefix, and the list of Whats that are not paths. The newest version has
 * them at the bare URLs; every version of a history build under `/v<version>/`.
 */
export function versionPageUrls(files: readonly Pick<AbiFile, 'path'>[], model: Pick<SiteModel, 'symbols' | 'tree'>): string[] {
  const urls = new Set<string>(['/', ...LEVELS.map((l) => `/${l}/`), NON_PATH_URL]);
  for (const f of files) urls.add(fileToUrl(f.path));
  for (const url of model.symbols.keys()) urls.add(url);
  for (const url of model.tree.keys()) urls.add(url);
  return [...urls].sort(compareText);
}
