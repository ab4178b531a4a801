/**
 * Everyday words and the words kernel paths use for the same thing: a
 * reader looks for "battery" where sysfs says `power_supply`, for
 * "hyperthreading" where it says `smt`. A query word also matches its
 * kernel words in paths, a little weaker than the word itself (so a path
 * that has the word typed still comes first). Only equivalences that hold
 * across the whole ABI belong here, not answers to particular queries.
 * No imports.
 */
export const KERNEL_WORDS: Readonly<Record<string, readonly string[]>> = {
  battery: ['power_supply', 'bat'],
  charger: ['power_supply'],
  hyperthreading: ['smt'],
  hyperthread: ['smt'],
  ram: ['mem'],
  // Documentation/admin-guide/pm/sleep-states.rst: "Hibernation (Suspend-to-Disk)".
  hibernation: ['disk'],
  hibernate: ['disk'],
  memory: ['mem'],
  temperature: ['temp', 'thermal'],
  screen: ['backlight'],
  display: ['backlight'],
  lcd: ['backlight'],
  processor: ['cpu'],
  ethernet: ['net'],
  nic: ['net'],
  keyboard: ['kbd'],
  pm: ['power'],
};
