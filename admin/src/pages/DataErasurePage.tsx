import { ErasureForm } from '../components/ErasureForm';
import { PageLayout, PermissionGate, TRAILS } from '../components/PageLayout';
import { useT } from '../hooks/useT';
import { PAGE_PERMISSIONS } from '../permissions';

/** Erasure by number (behind calls.erase), under the Configuration Center's System section. */
export const DataErasurePage = () => {
  const t = useT();
  const title = t('page.dataErasure', 'Data Erasure');
  return (
    <PermissionGate permissions={PAGE_PERMISSIONS.erasure} title={title} trail={TRAILS.dataErasure}>
      <PageLayout
        title={title}
        subtitle={t('page.dataErasure.subtitle', 'Erase every call of one calling number.')}
        trail={TRAILS.dataErasure}
      >
        <ErasureForm />
      </PageLayout>
    </PermissionGate>
  );
};
