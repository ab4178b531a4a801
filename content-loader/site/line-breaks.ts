import { htmlText } from '../shared/html-text.ts';
import { remembered } from '../shared/remembered.ts';

/** A path segment longer than this (in characters) may also wrap after `.` and `:`; a shorter one is kept whole. */
const LONG_SEGMENT = 24;

/**
 * A What, URL or name cut where a long one may wrap on a narrow screen
 * (pages put `<wbr>` between the pieces): after each `/` and `_` and after
 * an escaped space (`~x20`) in a permalink; inside a segment too long for a
 * phone's line, also after `.` and `:` (`<hid-bus>:<vendor-id>.<num>`).
 * Never inside a word, so a phone never shows `…/ii` `o:deviceX`.
 * @example wrapPieces('/sys/bus/iio/devices/iio:deviceX/in_accel_x_raw') // ['/sys/', 'bus/', 'iio/', 'devices/', 'iio:deviceX/', 'in_', 'accel_', 'x_', 'raw']
 */
export function wrapPieces(text: string): string[] {
  // Never before a separator or at the end, nor after a leading one: a break there gains nothing.
  return text
    .split(/(?<=.\/)(?![/]|$)/u)
    .flatMap((segment) => segment.split(segment.length > LONG_SEGMENT ? /(?<=.(?:[_.:]|~x20))(?![/_.:]|$)/u : /(?<=.(?:_|~x20))(?![/_.:]|$)/u));
}

/**
 * `text` as HTML with `<wbr>` between its wrapPieces: what WhatText puts on
 * a page, built as one string because Astro renders a fragment per piece
 * about ten times slower, and a page shows dozens of Whats; remembered,
 * as the same Whats and names come back on page after page.
 */
export const wrappedHtml: (text: string) => string = remembered((text) => wrapPieces(text).map(htmlText).join('<wbr>'));
