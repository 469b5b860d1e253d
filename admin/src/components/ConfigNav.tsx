import {
  SubNav,
  SubNavHeader,
  SubNavLink,
  SubNavLinkSection,
  SubNavSection,
  SubNavSections,
} from '@strapi/design-system';
import { useRBAC } from '@strapi/helper-plugin';

import { useT } from '../hooks/useT';
import { ACTION_PERMISSIONS } from '../permissions';
import { PATHS } from '../routes';

/**
 * Mirrors the product's menu: Chatbot Management › Flow Configuration › System. A link appears
 * only for a user who may open its page.
 */
export const ConfigNav = () => {
  const { allowedActions } = useRBAC(ACTION_PERMISSIONS.nav);
  const t = useT();

  return (
    <SubNav ariaLabel={t('nav.label', 'Configuration Center navigation')}>
      <SubNavHeader label={t('nav.title', 'Configuration Center')} />
      <SubNavSections>
        <SubNavSection label={t('nav.chatbotManagement', 'Chatbot Management')}>
          {allowedActions.canReadBots && (
            <SubNavLink to={PATHS.robots}>{t('page.robots', 'Intelligent Robots')}</SubNavLink>
          )}
          <SubNavLinkSection label={t('nav.flowConfiguration', 'Flow Configuration')}>
            {allowedActions.canReadBots && (
              <SubNavLink to={PATHS.ivrFlows} isSubSectionChild>
                {t('page.ivrFlows', 'IVR Flows')}
              </SubNavLink>
            )}
          </SubNavLinkSection>
        </SubNavSection>
        <SubNavSection label={t('nav.system', 'System')}>
          {allowedActions.canReadSettings && (
            <SubNavLink to={PATHS.settings}>{t('page.settings', 'System Settings')}</SubNavLink>
          )}
          {allowedActions.canReadAudit && (
            <SubNavLink to={PATHS.auditLog}>{t('page.auditLog', 'Audit Log')}</SubNavLink>
          )}
          {allowedActions.canReadCalls && (
            <SubNavLink to={PATHS.historicalCall}>
              {t('page.historicalCall', 'Historical Call')}
            </SubNavLink>
          )}
          {allowedActions.canEraseCalls && (
            <SubNavLink to={PATHS.dataErasure}>{t('page.dataErasure', 'Data Erasure')}</SubNavLink>
          )}
        </SubNavSection>
      </SubNavSections>
    </SubNav>
  );
};
