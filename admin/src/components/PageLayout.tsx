import { Box, Breadcrumbs, ContentLayout, Crumb, HeaderLayout, Main } from '@strapi/design-system';
import { LoadingIndicatorPage, NoPermissions, useRBAC } from '@strapi/helper-plugin';
import type { Permission } from '@strapi/helper-plugin';
import type { ReactNode } from 'react';

import { useT } from '../hooks/useT';

/**
 * Breadcrumb trails of the admin pages (docs/design.md#admin-pages), as translation keys with
 * their English text.
 */
export const TRAILS = {
  robots: [
    ['nav.title', 'Configuration Center'],
    ['nav.chatbotManagement', 'Chatbot Management'],
    ['page.robots', 'Intelligent Robots'],
  ],
  ivrFlows: [
    ['nav.title', 'Configuration Center'],
    ['nav.chatbotManagement', 'Chatbot Management'],
    ['nav.flowConfiguration', 'Flow Configuration'],
    ['page.ivrFlows', 'IVR Flows'],
  ],
  settings: [
    ['nav.title', 'Configuration Center'],
    ['nav.chatbotManagement', 'Chatbot Management'],
    ['nav.flowConfiguration', 'Flow Configuration'],
    ['nav.system', 'System'],
    ['page.settings', 'System Settings'],
  ],
  auditLog: [
    ['nav.title', 'Configuration Center'],
    ['nav.chatbotManagement', 'Chatbot Management'],
    ['nav.flowConfiguration', 'Flow Configuration'],
    ['nav.system', 'System'],
    ['page.auditLog', 'Audit Log'],
  ],
  dataErasure: [
    ['nav.title', 'Configuration Center'],
    ['nav.chatbotManagement', 'Chatbot Management'],
    ['nav.flowConfiguration', 'Flow Configuration'],
    ['nav.system', 'System'],
    ['page.dataErasure', 'Data Erasure'],
  ],
  callHistory: [
    ['nav.title', 'Configuration Center'],
    ['nav.chatbotManagement', 'Chatbot Management'],
    ['nav.flowConfiguration', 'Flow Configuration'],
    ['nav.system', 'System'],
    ['page.historicalCall', 'Historical Call'],
    ['tab.callHistory', 'Call History'],
  ],
} as const;

export type Trail = (typeof TRAILS)[keyof typeof TRAILS];

interface PageLayoutProps {
  title: string;
  subtitle?: string;
  trail: Trail;
  primaryAction?: ReactNode;
  children: ReactNode;
}

export const PageLayout = ({
  title,
  subtitle,
  trail,
  primaryAction,
  children,
}: PageLayoutProps) => {
  const t = useT();
  return (
    <Main>
      <HeaderLayout
        navigationAction={
          <Box paddingBottom={1}>
            <Breadcrumbs label={t('breadcrumbs.label', 'Path')}>
              {trail.map(([id, defaultMessage]) => (
                <Crumb key={id}>{t(id, defaultMessage)}</Crumb>
              ))}
            </Breadcrumbs>
          </Box>
        }
        title={title}
        subtitle={subtitle}
        primaryAction={primaryAction}
      />
      <ContentLayout>{children}</ContentLayout>
    </Main>
  );
};

interface PermissionGateProps {
  permissions: { read: Permission[] };
  title: string;
  trail: Trail;
  children: ReactNode;
}

/**
 * Renders the page only for a user holding its read action; anyone else who opens the URL gets
 * Strapi's own no-permission page (helper-plugin's CheckPagePermissions would redirect home).
 */
export const PermissionGate = ({ permissions, title, trail, children }: PermissionGateProps) => {
  const { allowedActions, isLoading } = useRBAC(permissions);
  if (isLoading) return <LoadingIndicatorPage />;
  if (!allowedActions.canRead) {
    return (
      <PageLayout title={title} trail={trail}>
        <NoPermissions />
      </PageLayout>
    );
  }
  return <>{children}</>;
};
