import { runCliInProcess } from './process-io';

process.exitCode = await runCliInProcess(process.argv.slice(2));
