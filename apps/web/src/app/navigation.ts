import type { Me } from '@civicdesk/contracts/identity';
import type { TablerIcon } from '@tabler/icons-react';
import IconBooks from '@tabler/icons-react/dist/esm/icons/IconBooks.mjs';
import IconBuildingCommunity from '@tabler/icons-react/dist/esm/icons/IconBuildingCommunity.mjs';
import IconBuildingStore from '@tabler/icons-react/dist/esm/icons/IconBuildingStore.mjs';
import IconCalendarEvent from '@tabler/icons-react/dist/esm/icons/IconCalendarEvent.mjs';
import IconCertificate from '@tabler/icons-react/dist/esm/icons/IconCertificate.mjs';
import IconChartBar from '@tabler/icons-react/dist/esm/icons/IconChartBar.mjs';
import IconFileText from '@tabler/icons-react/dist/esm/icons/IconFileText.mjs';
import IconHome from '@tabler/icons-react/dist/esm/icons/IconHome.mjs';
import IconListSearch from '@tabler/icons-react/dist/esm/icons/IconListSearch.mjs';
import IconReportAnalytics from '@tabler/icons-react/dist/esm/icons/IconReportAnalytics.mjs';
import IconUserShare from '@tabler/icons-react/dist/esm/icons/IconUserShare.mjs';
import IconUsers from '@tabler/icons-react/dist/esm/icons/IconUsers.mjs';
import IconUsersGroup from '@tabler/icons-react/dist/esm/icons/IconUsersGroup.mjs';
import IconVideo from '@tabler/icons-react/dist/esm/icons/IconVideo.mjs';
import { type ComponentType, lazy } from 'react';
import { canAdminister } from '../features/auth/access.ts';
import { canSeeCommittees, isExternalMember } from '../features/committees/committee-rules.ts';
import { canReadRegisters, canUseEoffice, eofficeCounter } from '../features/documents/eoffice-access.ts';
import { HomePage } from '../features/home/HomePage.tsx';
import { canOpenMeetings, canUseMeetings } from '../features/meetings/meeting-rules.ts';
import { canSeeDashboard, canUseReports } from '../features/reports/reports-access.ts';
import { canUseRooms } from '../features/rooms/rooms-access.ts';
import { canUseServices } from '../features/services/agency.ts';

// The menu and the routes behind it, as data: a new module (documents, committees, meetings, services,
// reports) adds one entry here and gets its nav link, its lazy-loaded page and its access check.

export type NavGroup = { id: 'main' | 'admin'; labelKey?: string };

export type NavEntry = {
  id: string;
  group: NavGroup['id'];
  /** Absolute path; nested routes of the page live under it. */
  path: string;
  labelKey: string;
  icon: TablerIcon;
  testId: string;
  page: ComponentType;
  /** Who sees the link and may open the page; the server authorises every request regardless. */
  allowed?: (me: Me) => boolean;
  /** A key of the realtime counters to show as a badge. */
  counter?: string;
  /** Whether the link shows in the menu (default: whenever the page is allowed). */
  inMenu?: (me: Me) => boolean;
};

export const navGroups: NavGroup[] = [{ id: 'main' }, { id: 'admin', labelKey: 'nav.groups.admin' }];

const page = <T extends Record<string, unknown>>(load: () => Promise<T>, name: keyof T) =>
  lazy(async () => ({ default: (await load())[name] as ComponentType }));

export const navEntries: NavEntry[] = [
  {
    id: 'home',
    group: 'main',
    path: '/',
    labelKey: 'nav.home',
    icon: IconHome,
    testId: 'nav-home',
    page: HomePage,
    // External committee members see only their committees and their profile: home sends them there.
    inMenu: (me) => !isExternalMember(me),
  },
  {
    id: 'dashboard',
    group: 'main',
    path: '/dashboard',
    labelKey: 'nav.dashboard',
    icon: IconChartBar,
    testId: 'nav-dashboard',
    page: page(() => import('../features/dashboard/DashboardPage.tsx'), 'DashboardPage'),
    allowed: canSeeDashboard,
  },
  {
    id: 'documents',
    group: 'main',
    path: '/inbox',
    labelKey: 'nav.documents',
    icon: IconFileText,
    testId: 'nav-documents',
    page: page(() => import('../features/inbox/InboxPage.tsx'), 'InboxPage'),
    allowed: canUseEoffice,
    counter: eofficeCounter,
  },
  {
    id: 'registers',
    group: 'main',
    path: '/registers',
    labelKey: 'nav.registers',
    icon: IconBooks,
    testId: 'nav-registers',
    page: page(() => import('../features/registers/RegistersPage.tsx'), 'RegistersPage'),
    allowed: canReadRegisters,
  },
  {
    id: 'reports',
    group: 'main',
    path: '/reports',
    labelKey: 'nav.reports',
    icon: IconReportAnalytics,
    testId: 'nav-reports',
    page: page(() => import('../features/reports/ReportsPage.tsx'), 'ReportsPage'),
    allowed: canUseReports,
  },
  {
    id: 'services',
    group: 'main',
    path: '/services',
    labelKey: 'services.nav',
    icon: IconBuildingStore,
    testId: 'nav-services',
    page: page(() => import('../features/services/ServicesPage.tsx'), 'ServicesPage'),
    allowed: canUseServices,
  },
  {
    id: 'committees',
    group: 'main',
    path: '/committees',
    labelKey: 'nav.committees',
    icon: IconUsersGroup,
    testId: 'nav-committees',
    page: page(() => import('../features/committees/CommitteesPage.tsx'), 'CommitteesPage'),
    allowed: canSeeCommittees,
  },
  {
    id: 'rooms',
    group: 'main',
    path: '/rooms',
    labelKey: 'nav.rooms',
    icon: IconCalendarEvent,
    testId: 'nav-rooms',
    page: page(() => import('../features/rooms/RoomsPage.tsx'), 'RoomsPage'),
    allowed: canUseRooms,
  },
  {
    id: 'meetings',
    group: 'main',
    path: '/meetings',
    labelKey: 'nav.meetings',
    icon: IconVideo,
    testId: 'nav-meetings',
    page: page(() => import('../features/meetings/MeetingsPage.tsx'), 'MeetingsPage'),
    // External committee members follow their committees' links (/meetings/:id/video) but get no menu entry.
    allowed: canOpenMeetings,
    inMenu: canUseMeetings,
  },
  {
    id: 'org',
    group: 'admin',
    path: '/admin/organisation',
    labelKey: 'nav.organisation',
    icon: IconBuildingCommunity,
    testId: 'nav-org',
    page: page(() => import('../features/org/OrgPage.tsx'), 'OrgPage'),
    allowed: canAdminister,
  },
  {
    id: 'people',
    group: 'admin',
    path: '/admin/people',
    labelKey: 'nav.people',
    icon: IconUsers,
    testId: 'nav-people',
    page: page(() => import('../features/people/PeoplePage.tsx'), 'PeoplePage'),
    allowed: canAdminister,
  },
  {
    id: 'certificates',
    group: 'admin',
    path: '/admin/certificates',
    labelKey: 'nav.certificates',
    icon: IconCertificate,
    testId: 'nav-certificates',
    page: page(() => import('../features/signatures/CertificatesPage.tsx'), 'CertificatesPage'),
    allowed: canAdminister,
  },
  {
    id: 'delegations',
    group: 'admin',
    path: '/admin/delegations',
    labelKey: 'nav.delegations',
    icon: IconUserShare,
    testId: 'nav-delegations',
    page: page(() => import('../features/delegations/DelegationsPage.tsx'), 'DelegationsPage'),
    allowed: canAdminister,
  },
  {
    id: 'audit',
    group: 'admin',
    path: '/admin/audit',
    labelKey: 'nav.audit',
    icon: IconListSearch,
    testId: 'nav-audit',
    page: page(() => import('../features/audit/AuditPage.tsx'), 'AuditPage'),
    allowed: canAdminister,
  },
];

export const ProfilePage = page(() => import('../features/profile/ProfilePage.tsx'), 'ProfilePage');

// Pages reached from the inbox and from notification links (/documents/:id, /deliveries/:id), not from the menu.
export const DocumentPage = page(() => import('../features/documents/DocumentPage.tsx'), 'DocumentPage');
export const DocumentEditorPage = page(
  () => import('../features/documents/DocumentEditorPage.tsx'),
  'DocumentEditorPage',
);
export const DeliveryPage = page(() => import('../features/incoming/DeliveryPage.tsx'), 'DeliveryPage');

export function visibleEntries(me: Me, group: NavGroup['id']): NavEntry[] {
  return navEntries.filter(
    (e) => e.group === group && (!e.allowed || e.allowed(me)) && (!e.inMenu || e.inMenu(me)),
  );
}
