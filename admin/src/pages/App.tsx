import { Layout } from '@strapi/design-system';
import { LoadingIndicatorPage, useRBAC } from '@strapi/helper-plugin';
import { Redirect, Route, Switch } from 'react-router-dom';

import { ConfigNav } from '../components/ConfigNav';
import { ACTION_PERMISSIONS } from '../permissions';
import { BASE, PATHS } from '../routes';

import { AuditLogPage } from './AuditLogPage';
import { BotsPage } from './BotsPage';
import { DataErasurePage } from './DataErasurePage';
import { HistoricalCallPage } from './HistoricalCallPage';
import { SystemSettingsPage } from './SystemSettingsPage';

/** Opening the plugin lands on the first page the user may see. */
const Landing = () => {
  const { allowedActions, isLoading } = useRBAC(ACTION_PERMISSIONS.nav);
  if (isLoading) return <LoadingIndicatorPage />;
  const target = allowedActions.canReadCalls
    ? PATHS.historicalCall
    : allowedActions.canReadSettings
      ? PATHS.settings
      : allowedActions.canReadBots
        ? PATHS.robots
        : allowedActions.canReadAudit
          ? PATHS.auditLog
          : allowedActions.canEraseCalls
            ? PATHS.dataErasure
            : PATHS.historicalCall;
  return <Redirect to={target} />;
};

const App = () => (
  <Layout sideNav={<ConfigNav />}>
    <Switch>
      <Route path={PATHS.robots} render={() => <BotsPage kind="INTELLIGENT_ROBOT" />} />
      <Route path={PATHS.ivrFlows} render={() => <BotsPage kind="COMMON_IVR" />} />
      <Route path={PATHS.settings} component={SystemSettingsPage} />
      <Route path={PATHS.auditLog} component={AuditLogPage} />
      <Route path={PATHS.historicalCall} component={HistoricalCallPage} />
      <Route path={PATHS.dataErasure} component={DataErasurePage} />
      <Route path={BASE} component={Landing} />
    </Switch>
  </Layout>
);

export default App;
