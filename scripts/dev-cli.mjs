// Run the CLI straight from the TypeScript sources (development; the bin runs dist/).
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
