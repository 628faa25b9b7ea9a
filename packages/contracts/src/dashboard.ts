import { z } from 'zod';

// The management dashboard: KPIs of an agency (rolled up over its subtree) with one row per child agency.

export const DashboardQuery = z.object({
  agencyId: z.uuid(),
  from: z.iso.date(),
  to: z.iso.date(),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

const n = z.number().int();
/** null: the figure is not available (its module is not installed). */
export const Kpis = z.object({
  received: n,
  issued: n,
  signed: n,
  due: n,
  onTime: n,
  overdueTasks: n,
  serviceSubmissions: n.nullable(),
  serviceOnline: n.nullable(),
  serviceDecided: n.nullable(),
  serviceOnTime: n.nullable(),
  digitised: n,
  meetingsOnline: n,
  meetingsHeld: n,
  mobileUsers: n,
  activeUsers: n,
});
export type Kpis = z.infer<typeof Kpis>;

export const DashboardRow = z.object({
  agencyId: z.uuid(),
  agencyCode: z.string(),
  agencyName: z.string(),
  /** True for the agency's own row (its own figures, without children). */
  own: z.boolean(),
  hasChildren: z.boolean(),
  kpis: Kpis,
});

export const Dashboard = z.object({
  agencyId: z.uuid(),
  agencyName: z.string(),
  from: z.string(),
  to: z.string(),
  total: Kpis,
  /** The same figures for the preceding period of equal length (the trend). */
  previous: Kpis,
  rows: z.array(DashboardRow),
  servicesAvailable: z.boolean(),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const DrillKind = z.enum(['received', 'issued', 'signed', 'overdue', 'meetings_online', 'digitised']);
export type DrillKind = z.infer<typeof DrillKind>;

export const DrillQuery = DashboardQuery.extend({
  kind: DrillKind,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const DrillPage = z.object({
  total: n,
  items: z.array(
    z.object({
      id: z.uuid(),
      link: z.string().nullable(),
      title: z.string(),
      agencyName: z.string(),
      date: z.string().nullable(),
      detail: z.string().nullable(),
    }),
  ),
});
export type DrillPage = z.infer<typeof DrillPage>;
