import reference from '../../config/problem-categories.json' with { type: 'json' };

/** How a category relates to minor children (DESIGN R3, `scope` in problem-categories.json). */
export type CategoryScope = 'child' | 'family' | 'individual';

export interface ProblemCategory {
  readonly id: string;
  readonly label: string;
  readonly severity: number;
  readonly scope: CategoryScope;
}

const categories: readonly ProblemCategory[] = reference.categories.map((category) => ({
  ...category,
  scope: category.scope as CategoryScope,
}));
const byId = new Map(categories.map((category) => [category.id, category]));

export const PROBLEM_CATEGORY_IDS: readonly string[] = categories.map((category) => category.id);

export function problemCategory(id: string): ProblemCategory | undefined {
  return byId.get(id);
}

/**
 * DESIGN R3: the dominant problem is the reported category with the highest severity;
 * ties go to the first reported. Unknown ids are ignored (intake validation rejects them earlier).
 */
export function dominantProblem(
  categoryIds: readonly string[],
  taxonomy: ReadonlyMap<string, ProblemCategory> = byId,
): ProblemCategory | undefined {
  let dominant: ProblemCategory | undefined;
  for (const id of categoryIds) {
    const category = taxonomy.get(id);
    if (category && (!dominant || category.severity > dominant.severity)) dominant = category;
  }
  return dominant;
}

/**
 * DESIGN R3: a problem relates to minor children when its category is child-related, or when it is
 * family-wide and the household has a member under 18. Individual problems never do by themselves.
 */
export function relatesToMinorChildren(category: ProblemCategory, householdHasMinor: boolean): boolean {
  if (category.scope === 'child') return true;
  return category.scope === 'family' && householdHasMinor;
}
