/**
 * The sidecar of a kernel corpus case (`corpus/kernel/NAME.expect.json`): what the live kernel said about
 * `NAME.s`, and on which release. Bytes are lowercase hex.
 */
import { z } from 'zod';
import { VERDICT_CLASSES } from '../../bpf/result.js';

const hex = z.string().regex(/^([0-9a-f]{2})*$/, 'lowercase hex bytes');

export const kernelOutcomeSchema = z.strictObject({
  input: hex,
  /** The u32 the test-run reports. */
  retval: z.number().int().min(0).max(0xffffffff),
  ctx: hex,
});

const kernelClassSchema = z.enum([...VERDICT_CLASSES, 'verifier-bug', 'unclassified']);

export const kernelExpectationSchema = z
  .strictObject({
    /** `uname -r` of the kernel the expectation was recorded on. */
    release: z.string().min(1),
    kernel: z.strictObject({
      accepted: z.boolean(),
      class: kernelClassSchema.nullable(),
      message: z.string().nullable(),
      /** `ran` (default for accepted programs) or `declined` by the safety check (safety.ts). */
      run: z.enum(['ran', 'declined']).optional(),
      outcomes: z.array(kernelOutcomeSchema),
    }),
    /** Where the kernel disagreed with what SPEC led us to expect, and anything else worth knowing. */
    note: z.string().optional(),
  })
  .superRefine((e, ctx) => {
    const k = e.kernel;
    if (k.accepted && (k.class !== null || k.message !== null)) {
      ctx.addIssue({ code: 'custom', message: 'an accepted program has no class or message' });
    }
    if (
      !k.accepted &&
      (k.class === null || k.message === null || k.outcomes.length > 0 || k.run !== undefined)
    ) {
      ctx.addIssue({ code: 'custom', message: 'a rejected program has a class and a message, and no run' });
    }
    if (k.run === 'declined' && k.outcomes.length > 0) {
      ctx.addIssue({ code: 'custom', message: 'a declined program has no outcomes' });
    }
  });

export type KernelExpectation = z.infer<typeof kernelExpectationSchema>;
