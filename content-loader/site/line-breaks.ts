/**
 * A What, URL or name cut where a long one may wrap on a narrow screen
 * (pages put `<wbr>` between the pieces): after each `/` and `_`, after `.`
 * and `:` (`<hid-bus>:<vendor-id>.<num>`), and after an escaped space
 * (`~x20`) in a permalink. Never inside a word, so a phone never shows
 * `…/ii` `o:deviceX`.
 * @example wrapPieces('/sys/class/net/<iface>/mtu') // ['/sys/', 'class/', 'net/', '<iface>/', 'mtu']
 */
export function wrapPieces(text: string): string[] {
  // After a run of separators, not after a leading `/` nor at the end: a break there gains nothing.
  return text.split(/(?<=.(?:[/_.:]|~x20))(?![/_.:]|$)/u);
}
