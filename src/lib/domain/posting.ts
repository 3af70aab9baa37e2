/**
 * Moved to posting-rules.ts (the posting's quantities and policy action). This re-export stays
 * only until ui/PostActions.svelte imports from there; new code imports posting-rules.ts.
 */
export * from './posting-rules';
