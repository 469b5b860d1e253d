import { errors } from '@strapi/utils';

/** A ValidationError whose details name the field, as Strapi's own validators do. */
export const fieldError = (path: string, message: string) =>
  new errors.ValidationError(message, {
    errors: [{ path: [path], message, name: 'ValidationError' }],
  });
