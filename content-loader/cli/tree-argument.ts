/**
 * Checking the paths a command line names before any work is done on them,
 * so a wrong argument costs one clear line instead of a walk of the wrong
 * folder (`abi-atlas undefined /sys` once walked all of /sys as a tree).
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parseTree } from '../parse/parse-tree.ts';
import { resolveAbiDir } from '../tree-source/abi-dir.ts';
import { LEVELS, type AbiTree } from '../types.ts';
import { InputError, type OperandSpec } from './command.ts';

/** A tree operand for a command's spec ("<tree>", "<old-tree>"). */
export function treeOperand(name = '<tree>', role = ''): OperandSpec {
  return { name, help: `${role}a kernel source root, its Documentation folder, or Documentation/ABI` };
}

/**
 * Parses the ABI tree that the argument `name` ("<tree>") points at, or
 * throws InputError saying why it is not one: missing, not a folder, no
 * level folders, no record files, or no What: entry at all.
 */
export function parseTreeArgument(path: string, name = '<tree>'): AbiTree {
  checkTreeArgument(path, name);
  const tree = parseTree(path);
  if (tree.files.length === 0) throw new InputError(`${name} ${path}: no ABI files in it (its ${LEVELS.join('/')} folders hold none)`);
  if (tree.entries.length === 0) throw new InputError(`${name} ${path}: not one What: entry in its ${count(tree.files.length, 'file')}`);
  return tree;
}

/** Throws InputError unless `path` is a folder holding an ABI tree (a kernel root, its Documentation or Documentation/ABI). */
export function checkTreeArgument(path: string, name = '<tree>'): void {
  const what = `${name} ${path}`;
  checkFolderArgument(path, what);
  const abiDir = resolveAbiDir(path);
  if (LEVELS.some((level) => isFolder(join(abiDir, level)))) return;
  const found = relative(path, abiDir);
  throw new InputError(`${what}: not an ABI tree: ${found ? `its ${found} has no ${LEVELS.join('/')} folder` : notATreeDetail(path)}`);
}

/** Throws InputError unless `path` is a readable folder; `what` names the argument ("--sysfs /sys"). */
export function checkFolderArgument(path: string, what: string): void {
  let stat;
  try {
    stat = statSync(path);
    if (stat.isDirectory()) readdirSync(path);
  } catch (e) {
    throw new InputError(`${what}: ${reason(e)}`);
  }
  if (!stat.isDirectory()) throw new InputError(`${what}: ${stat.isFile() ? 'a file, ' : ''}not a folder`);
}

/** Throws InputError unless `path` is a readable file. */
export function checkFileArgument(path: string, what: string): void {
  let isFile;
  try {
    isFile = statSync(path).isFile();
  } catch (e) {
    throw new InputError(`${what}: ${reason(e, 'file')}`);
  }
  if (!isFile) throw new InputError(`${what}: not a file`);
}

function notATreeDetail(path: string): string {
  const level = basename(path);
  if ((LEVELS as readonly string[]).includes(level)) return `it is the ${level}/ folder of one; give the folder above it`;
  const real = safeRealpath(path);
  if (/^\/(sys|proc)(\/|$)/.test(real)) return `it is the live /${real.split('/')[1]}, not a kernel tree (give the kernel tree first, then the live folder where the command takes one)`;
  return `no Documentation/ABI and no ${LEVELS.join('/')} folder in it (give a kernel source root, its Documentation or Documentation/ABI)`;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function safeRealpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** The usual errno codes said in words; anything else keeps Node's message. */
function reason(e: unknown, kind = 'folder'): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return `no such ${kind}`;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'a symlink loop';
  if (code === 'ENAMETOOLONG') return 'path too long';
  return (e as Error).message;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
