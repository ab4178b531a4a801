/**
 * A What, URL or name cut after each `/` and `_`: the places where a long
 * one may wrap on a narrow screen (pages put `<wbr>` between the pieces), so
 * it never breaks inside a word.
 * @example wrapPieces('/sys/class/net/<iface>/mtu') // ['/sys/', 'class/', 'net/', '<iface>/', 'mtu']
 */
export function wrapPieces(text: string): string[] {
  // After a run of them, not after a leading `/` nor at the end: a break there gains nothing.
  return text.split(/(?<=.[/_])(?![/_]|$)/u);
}
