import { errors } from '@strapi/utils';

import { UID } from '../constants';

const refuse = () => {
  throw new errors.ApplicationError(
    'Audit entries of call-history cannot be changed or deleted: the trail only grows.'
  );
};

/** The audit trail is append-only on every Query Engine path. */
export const auditEntrySubscriber = () => ({
  models: [UID.auditEntry],
  beforeUpdate: refuse,
  beforeUpdateMany: refuse,
  beforeDelete: refuse,
  beforeDeleteMany: refuse,
});
