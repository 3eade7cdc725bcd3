/**
 * Whether a string is one of a closed list of values, narrowing it to the list's union: the way
 * a value from outside (a request, a file, a form, a flag) becomes a role, a state or a kind.
 * @param values the closed list, e.g. ROLES
 * @param value the string to check
 * @returns true when the list holds it
 */
export function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return values.some((known) => known === value);
}
