/**
 * Checks at compile time that a list of literals names every member of `T`
 * (core's status unions are not exported as lists), so a status added in core
 * breaks the build here instead of failing response validation at run time.
 *
 * @example
 * const STATUSES = allOf<OrderStatus>()(['paid', 'shipped']); // error unless complete
 */
export function allOf<T extends string>() {
  return <const L extends readonly [T, ...T[]]>(
    list: L &
      ([Exclude<T, L[number]>] extends [never] ? unknown : { missing: Exclude<T, L[number]> }),
  ): L => list;
}
