// Write docs/report.schema.json from the zod schema of report.json (npm run schema; needs npm run build).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportJsonSchemaText, SCHEMA_PATH } from '../dist/src/report/schema.js';

writeFileSync(join(import.meta.dirname, '..', SCHEMA_PATH), reportJsonSchemaText());
console.log(`wrote ${SCHEMA_PATH}`);
