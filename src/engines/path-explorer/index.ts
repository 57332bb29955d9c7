/** Engine A, the path explorer: a kernel-style verifier (SPEC §3-§5). */
export { verify, type PathExplorerOptions } from './verify.js';
export { rewriteVerdict } from './rewrite-verdict.js';
