/** Run the CLI in-process with captured output. */
import { main } from '../../src/cli/main.js';
import { readFileBounded, writeFileAtomic, type Io } from '../../src/cli/io.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readFile: readFileBounded,
    writeFile: writeFileAtomic,
    isTty: false,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
