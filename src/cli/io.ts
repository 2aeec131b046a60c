import { constants } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import { decodeUtf8, InvalidUtf8Error } from './utf8.ts';
import { InputError } from './usage.ts';

/** A named input, read whole and decoded. */
export interface Input { name: string; text: string }

/** Reads every file (or standard input) before anything is written, so a bad file stops the run cleanly. */
export async function readInputs(files: readonly string[]): Promise<Input[]> {
  const names = files.length ? files : ['-'];
  const inputs: Input[] = [];
  for (const name of names) {
    let bytes: Uint8Array;
    try {
      bytes = name === '-' ? await readStdin() : await readFile(name);
    } catch (e) {
      throw new InputError(`${name}: ${describeFileError(e)}`);
    }
    try {
      inputs.push({ name, text: decodeUtf8(bytes) });
    } catch (e) {
      if (e instanceof InvalidUtf8Error) throw new InputError(`${name === '-' ? 'standard input' : name}: ${e.message}`);
      throw e;
    }
  }
  return inputs;
}

/**
 * Checks that every file can be read, for commands that stream (fix --jsonl):
 * a missing file or a directory stops the run before anything is written.
 */
export async function checkInputs(files: readonly string[]): Promise<void> {
  for (const name of files) {
    if (name === '-') continue;
    try {
      if ((await stat(name)).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      await access(name, constants.R_OK);
    } catch (e) {
      throw new InputError(`${name}: ${describeFileError(e)}`);
    }
  }
}

function describeFileError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Writes to standard output, waiting when the pipe is full. */
export function writeOut(text: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (err) => (err ? reject(err) : resolve()));
  });
}
