// Types for ensure-runtime.mjs, which stays plain JavaScript because it must run before any build exists.
// Named .d.ts (not .d.mts) and imported without an extension so that TypeScript finds these types through the
// tsconfig's `cli/**/*.ts` include while Vite resolves the same specifier to the .mjs (its first extension).
export declare const MIN_NODE_MAJOR: number
export declare const MIN_NAPI: number
export declare const runtimeProblem: (versions?: NodeJS.ProcessVersions) => string | undefined
export declare const runtimeAdvice: string
export declare const findPinnedNode: (fromDir: string) => string | undefined
export declare const ensureRuntime: (entryFile: string, argv: readonly string[]) => void
