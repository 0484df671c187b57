import type { MethodSpec } from '../define'

/** Recording facts: plans (programs), auto-recharge rules, lots and their events, usage, observations, rates (issue 4). */
export const factMethods = {} as const satisfies Record<string, MethodSpec>
