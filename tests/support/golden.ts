// One switch rewrites every golden file, whichever suite owns it: UPDATE_GOLDEN=1. Read the diff
// before committing what it wrote.
const SWITCH = 'UPDATE_GOLDEN';

/** Whether this run rewrites golden files instead of comparing with them. */
export function updatingGoldens(): boolean {
  // A name that is not the switch would be ignored without a word, and the run would compare
  // against the very files its author meant to rewrite.
  for (const name of Object.keys(process.env)) {
    if (name !== SWITCH && /UPDATE_GOLDEN/u.test(name)) throw new Error(`${name} is not read; golden files are rewritten with ${SWITCH}=1.`);
  }
  return process.env[SWITCH] === '1';
}
