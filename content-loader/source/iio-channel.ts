import { basename } from 'node:path';
import { tokens, words, type WhatShape } from './what-shape.ts';

/**
 * IIO channel attributes are named by the core from the channel
 * (`in_voltage0_raw`: direction, type, index, then the attribute): the
 * attribute part is what code names (`raw` in the core's table, `filter_mode`
 * in a driver's extended info). Name -> the channel prefix it follows.
 * @example iioSuffixes(whatShape('/sys/bus/iio/devices/iio:deviceX/in_voltageY_raw')!) // Map { 'raw' => 'in_voltage', 'voltage_raw' => 'in' }
 */
export function iioSuffixes(shape: WhatShape, abiFile = ''): Map<string, string> {
  const out = new Map<string, string>();
  // An IIO device's path (`iio:deviceX`), or an IIO ABI file for `/sys/.../events/...`.
  const iio = shape.pathWords.includes('iio') || tokens(basename(abiFile)).includes('iio');
  if (!iio || !/^(?:in|out)_/.test(shape.name.text)) return out;
  const parts = shape.nameWords.slice(1);
  const add = (list: string[]) => {
    for (let k = list.length - 1; k >= 1; k--) out.set(list.slice(k).join('_'), words(shape.name.text)[0] + '_' + list.slice(0, k).join('_'));
  };
  add(parts);
  if (parts.at(-1) === 'available') add(parts.slice(0, -1));
  return out;
}
