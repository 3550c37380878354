/** Module hook: resolve workspace packages to their TypeScript sources (`aldea-source`). */
export async function resolve(specifier, context, nextResolve) {
  if (context.conditions.includes('aldea-source')) return nextResolve(specifier, context);
  return nextResolve(specifier, {
    ...context,
    conditions: [...context.conditions, 'aldea-source'],
  });
}
