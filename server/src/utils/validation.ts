import { errors } from '@strapi/utils';

import type { FieldProblem } from '../domain/search-query';

/**
 * One 400 naming every bad field, in Strapi's own error shape (`details.errors[].path`); its
 * message holds every problem's, so a client showing only the message still says what to fix.
 */
export const validationError = (problems: FieldProblem[]) =>
  new errors.ValidationError(problems.map((problem) => problem.message).join('; '), {
    errors: problems.map((problem) => ({
      path: [problem.path],
      message: problem.message,
      name: 'ValidationError',
    })),
  });
