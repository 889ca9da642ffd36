/** Figures for the workspace's dashboard: workflow steps per week, from the audit trail. */
import type { Queryable } from './db/types.js';

/** The steps a dashboard counts: what moves a layer towards publication, and back. */
export const COUNTED_STEPS = ['layer.submit', 'layer.return', 'layer.verify', 'layer.publish'] as const;

export interface WeekCount {
  /** Monday of the week, YYYY-MM-DD. */
  week: string;
  action: (typeof COUNTED_STEPS)[number];
  n: number;
}

/** Steps taken in each of the last `weeks` weeks, optionally of one organisation's layers. */
export async function stepsByWeek(db: Queryable, weeks: number, organisation?: string): Promise<WeekCount[]> {
  const r = await db.query<{ week: string; action: WeekCount['action']; n: number }>(
    `SELECT to_char(date_trunc('week', at), 'YYYY-MM-DD') AS week, action, count(*)::int AS n
       FROM simpul.audit
      WHERE at >= date_trunc('week', now()) - ($1::int - 1) * interval '1 week'
        AND action = ANY($2::text[])
        AND ($3::text IS NULL OR organisation = $3)
      GROUP BY 1, 2 ORDER BY 1, 2`,
    [weeks, [...COUNTED_STEPS], organisation ?? null],
  );
  return r.rows.map((row) => ({ week: row.week, action: row.action, n: Number(row.n) }));
}
