/** Size limits every filter parser (CQL2 text and JSON, FES 2.0, OGC Filter 1.x) applies while
 *  it reads, so that no filter can overflow the stack or make the evaluators and the SQL
 *  compiler walk a huge tree: nesting of any kind (NOT, parentheses, AND/OR, function calls,
 *  lists) and the total count of operators and values. Over a limit the request gets a 400
 *  naming the filter parameter, before any work is done on the filter. */
import type { Expr, Filter } from './types.js';
import { OgcError } from '../errors.js';

/** Deepest nesting of operators, parentheses, function calls and lists together. */
export const MAX_FILTER_DEPTH = 64;
/** Most operators, values and ids in one filter (a 10,000-value IN list still fits). */
export const MAX_FILTER_NODES = 10_000;

/** A limit was passed: never caught by a parser's own fallbacks. */
export class FilterLimitError extends OgcError {}

/** Counts depth and nodes while one filter is read. */
export class FilterBudget {
  private depth = 0;
  private nodes = 0;

  constructor(
    readonly locator: string,
    /** The language, for the message (`CQL2`, `CQL2 JSON`, `Filter`). */
    readonly language: string,
  ) {}

  private fail(why: string): FilterLimitError {
    return new FilterLimitError(
      'InvalidParameterValue',
      `${this.language}: ${why} (parameter ${this.locator})`,
      this.locator,
    );
  }

  /** One more operator or value. */
  node(n = 1): void {
    this.nodes += n;
    if (this.nodes > MAX_FILTER_NODES)
      throw this.fail(`the filter has more than ${MAX_FILTER_NODES} operators and values`);
  }

  /** Runs `read` one nesting level deeper. */
  nested<T>(read: () => T): T {
    if (++this.depth > MAX_FILTER_DEPTH)
      throw this.fail(`the filter is nested more than ${MAX_FILTER_DEPTH} levels deep`);
    try {
      return read();
    } finally {
      this.depth--;
    }
  }
}

/** Counts a parsed filter's operators and values against the budget (for parsers that cannot
 *  count exactly while they read). The tree is at most MAX_FILTER_DEPTH deep. */
export function countNodes(f: Filter, budget: FilterBudget): void {
  budget.node();
  const expr = (e: Expr): void => {
    budget.node();
    if ('fn' in e) e.args.forEach(expr);
  };
  switch (f.op) {
    case 'and':
    case 'or':
      f.args.forEach((a) => countNodes(a, budget));
      return;
    case 'not':
      countNodes(f.arg, budget);
      return;
    case 'compare':
      expr(f.left);
      expr(f.right);
      return;
    case 'like':
    case 'isNull':
      expr(f.expr);
      return;
    case 'between':
      [f.expr, f.lower, f.upper].forEach(expr);
      return;
    case 'in':
      expr(f.expr);
      f.list.forEach(expr);
      return;
    case 'ids':
      budget.node(f.ids.length);
      return;
    default:
      return;
  }
}
