// Runs Electronegativity over electron/ and fails on any finding not justified beside the code:
// line findings by an `eng-disable CHECK` comment (Electronegativity honours those itself),
// app-wide findings by an `eng-justify CHECK:` comment in the file named below.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GLOBAL_JUSTIFICATIONS = { CSP_GLOBAL_CHECK: 'electron/core/protocol/app-files.ts' };

const electronVersion = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
const dir = mkdtempSync(join(tmpdir(), 'margin-eng-'));
const sarif = join(dir, 'findings.sarif');
const input = process.argv[2] ?? 'electron';
const run = spawnSync('npx', ['electronegativity', '-i', input, '-r', '-e', electronVersion, '-o', sarif], { encoding: 'utf8' });
if (run.status !== 0) {
  console.error(run.stdout, run.stderr);
  process.exit(1);
}
const results = JSON.parse(readFileSync(sarif, 'utf8')).runs.flatMap((r) => r.results ?? []);
rmSync(dir, { recursive: true, force: true });

const unjustified = results.filter((result) => {
  const file = GLOBAL_JUSTIFICATIONS[result.ruleId];
  return file === undefined || !readFileSync(file, 'utf8').includes(`eng-justify ${result.ruleId}:`);
});
for (const result of unjustified) {
  const where = result.locations?.[0]?.physicalLocation;
  console.error(`${result.ruleId} at ${where?.artifactLocation?.uri ?? '?'}:${where?.region?.startLine ?? '?'}: ${result.message?.text ?? ''}`);
}
console.log(`electronegativity: ${results.length} finding(s), ${results.length - unjustified.length} justified, ${unjustified.length} open`);
process.exit(unjustified.length === 0 ? 0 : 1);
