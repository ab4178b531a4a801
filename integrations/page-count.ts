/**
 * Astro integration: says, before the first page is generated, how many
 * paths `astro build` is about to generate, so that `npm run build`
 * (scripts/build-log.ts) can show progress against a total. Astro prints a
 * line per page but never the count up front; the prerenderer is the one
 * place that sees the whole list (its getStaticPaths), so it is wrapped,
 * and otherwise left to do its work unchanged.
 */
import type { AstroIntegration, AstroIntegrationLogger, AstroPrerenderer } from 'astro';

/** The line this integration logs; scripts/build-log.ts reads the count from it. */
export const PAGE_COUNT_MESSAGE = (count: number) => `pages: ${count} to generate`;
export const PAGE_COUNT_PATTERN = /^pages: (\d+) to generate$/;

export default function pageCount(): AstroIntegration {
  return {
    name: 'abi-atlas:pages',
    hooks: {
      'astro:build:start': ({ setPrerenderer, logger }) => setPrerenderer((inner) => counting(inner, logger)),
    },
  };
}

function counting(inner: AstroPrerenderer, logger: AstroIntegrationLogger): AstroPrerenderer {
  return {
    ...inner,
    name: inner.name,
    getStaticPaths: async () => {
      const paths = await inner.getStaticPaths();
      logger.info(PAGE_COUNT_MESSAGE(paths.length));
      return paths;
    },
  };
}
